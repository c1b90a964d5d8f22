// Mounts the pane once Office is ready: FluentProvider + App, with the Excel actions as props.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createExcelActions } from './excel-host';
import { langFromDisplayLanguage } from './strings';
import { detectFeatures } from '../adapters/office/features';

void Office.onReady(() => {
  // taskpane.html has already said this webview (Internet Explorer 11) cannot run the add-in.
  if ((window as unknown as { __sfaUnsupported?: boolean }).__sfaUnsupported) return;
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  const features = detectFeatures((name, version) => Office.context.requirements.isSetSupported(name, version));
  const root = createRoot(document.getElementById('container')!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(features, lang)} lang={lang} />
    </FluentProvider>,
  );
});
