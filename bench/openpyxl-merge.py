# The same merge's reading as a bureau's Python script would do it: openpyxl read_only=True, every file,
# every SFA_* input name resolved and its cells read. Prints {"cpuMs", "maxRssKb", "files"} as JSON.
import json, os, re, resource, sys
import openpyxl

NAMES = ["SFA_RUBRIC_ID", "SFA_LAYOUT_VERSION", "SFA_PROFILE", "SFA_DECLARATIONS", "SFA_MATURITY", "SFA_IND_LEVEL",
         "SFA_IND_FIT", "SFA_IND_SCORE", "SFA_IND_AMOUNTS", "SFA_SCENARIO_TIER"]

def ranges(wb):
    dn = wb.defined_names
    for n in NAMES:
        d = dn[n] if hasattr(dn, "__getitem__") and not hasattr(dn, "get") else dn.get(n)
        for sheet, ref in d.destinations:
            yield n, sheet, ref.replace("$", "")

rows = []
files = []
for root, _, names in os.walk(sys.argv[1]):
    files += [os.path.join(root, f) for f in names if f.endswith(".xlsx")]
for f in sorted(files):
    wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
    row = {}
    for n, sheet, ref in ranges(wb):
        row[n] = [[c.value for c in r] for r in wb[sheet][ref]] if ":" in ref else wb[sheet][ref].value
    wb.close()
    rows.append(row)
u = resource.getrusage(resource.RUSAGE_SELF)
# VmHWM, not ru_maxrss: on Linux that keeps the high-water mark of the bench it was forked from (bench/peak-rss.ts).
try:
    with open("/proc/self/status") as s:
        peak = next(int(l.split()[1]) for l in s if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = u.ru_maxrss
print(json.dumps({"cpuMs": (u.ru_utime + u.ru_stime) * 1000, "maxRssKb": peak, "files": len(rows)}))
