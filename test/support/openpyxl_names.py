"""Opens each .xlsx with openpyxl (an independent reader, the one pandas uses) and prints, as one JSON object,
every workbook-level defined name with the cells it covers, row by row: numbers, text, booleans, dates (ISO
text), None for an empty cell, {"f": formula} for a formula. Called by test/adapters/xlsx/openpyxl.test.ts
with Debian's /usr/bin/python3 (python3-openpyxl)."""
import datetime
import json
import sys
import warnings

import openpyxl


def cell_json(cell):
    v = cell.value
    if cell.data_type == "f":
        return {"f": v[1:]}
    if isinstance(v, datetime.datetime):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    return v


def names_of(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path)
    out = {}
    for dn in wb.defined_names.definedName:
        ranges = []
        for sheet, coord in dn.destinations:
            ws = wb[sheet]
            cells = ws[coord]
            if not isinstance(cells, tuple):
                cells = ((cells,),)
            elif cells and not isinstance(cells[0], tuple):
                cells = (cells,)
            ranges.append({"sheet": sheet, "ref": coord, "values": [[cell_json(c) for c in row] for row in cells]})
        out[dn.name] = ranges
    sheets = [{"name": ws.title, "state": ws.sheet_state} for ws in wb.worksheets]
    return {"names": out, "sheets": sheets, "warnings": [str(w.message) for w in caught]}


result = {}
for p in sys.argv[1:]:
    try:
        result[p] = names_of(p)
    except Exception as e:  # reported per file, so one bad file does not hide the others
        result[p] = {"error": "%s: %s" % (type(e).__name__, e)}
json.dump(result, sys.stdout, ensure_ascii=False)
