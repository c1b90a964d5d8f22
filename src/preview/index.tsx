// The preview host (development only): the real task pane beside a simulated workbook whose formulas
// HyperFormula computes, so the add-in can be seen and tested without Excel (Linux, CI).
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { createExcelActions } from '../taskpane/excel-host';
import { langFromDisplayLanguage } from '../taskpane/strings';
import { detectFeatures } from '../adapters/office/features';
import { installSimOffice } from './sim/office-global';
import { newSheet } from './sim/model';
import { LiveWorkbook } from './live-model';
import { WorkbookView } from './ui/WorkbookView';

const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') === 'en' ? 'en-US' : 'zh-CN';
const live = new LiveWorkbook();
live.model.sheets.push(newSheet('Sheet1'));
live.recalc();
installSimOffice(live.model, { displayLanguage });
(window as unknown as { __sfaPreview: LiveWorkbook }).__sfaPreview = live;

function Preview() {
  const [error, setError] = React.useState<string | null>(null);
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  const features = detectFeatures((n, v) => Office.context.requirements.isSetSupported(n, v));
  // Made once: the language and features are read once when the preview starts.
  const actions = React.useMemo(() => createExcelActions(features, lang), []);
  return (
    <div className="preview">
      <section className="book" aria-label="Workbook (simulated)">
        <header className="banner">
          {lang === 'zh' ? '预览：模拟工作簿（公式由 HyperFormula 计算）' : 'Preview: simulated workbook (formulas computed by HyperFormula)'}
        </header>
        {error && (
          <p role="alert" className="error" onClick={() => setError(null)}>
            {error}
          </p>
        )}
        <WorkbookView live={live} onError={setError} />
      </section>
      <aside className="pane" aria-label="Task pane">
        <FluentProvider theme={webLightTheme}>
          <App actions={actions} lang={lang} />
        </FluentProvider>
      </aside>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
