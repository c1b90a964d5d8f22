// The Excel add-in (yo-office style): src/taskpane/index.tsx → dist/taskpane.html + bundle, icons and manifest.
//   npm run build       production: minified, dist/manifest.xml for the production base URL (no dev certs needed)
//   npm run dev-server  development over https://localhost:3000 (or PORT) with office-addin-dev-certs, manifest.xml's URLs
// ts-loader compiles with tsconfig.addin.json (module ESNext: tree-shaking of Fluent UI needs ES modules).
// The preview host has its own config (webpack.preview.js): nothing of it enters this bundle.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { renderManifest, productionBaseUrl, assertDeployable, officeJsUrl, devBaseUrl } = require('./scripts/manifest');
const { httpsServerOptions } = require('./scripts/office-tools');
const { devServerPortOrExit, requireFreePort } = require('./scripts/dev-port');

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  // Certificates only for `webpack serve`: `npm run build` must work on a machine without them.
  const serve = Boolean(env.WEBPACK_SERVE);
  const port = production ? undefined : devServerPortOrExit();
  // A busy port: one sentence on how to choose another, not webpack-dev-server's EADDRINUSE stack trace.
  if (serve) await requireFreePort(port, 'npm run dev-server');
  // A production build refuses the placeholder host (assertDeployable says how to set the real one).
  const baseUrl = production ? assertDeployable(productionBaseUrl()) : devBaseUrl(port);

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are npm run typecheck's job (npm test); isolatedModules makes transpile-only safe.
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json', transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        officeJs: officeJsUrl(),
        scriptLoading: 'defer', // after office.js, which the page loads synchronously from Microsoft's CDN
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'manifest/support.html', to: 'support.html' },
          {
            from: 'manifest/manifest.template.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => renderManifest(baseUrl, content.toString('utf8')) },
          },
        ],
      }),
    ],
    optimization: {
      // Third-party code of the first screen in one cacheable chunk; lazily imported code keeps its own chunks.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10, reuseExistingChunk: true },
          default: false,
        },
      },
    },
    // The goal: initial JS ≤ 150 kB gzipped (npm run bench prints it); raw sizes are ~3× that, so warn above 600 kB raw.
    performance: production ? { hints: 'warning', maxEntrypointSize: 600 * 1024, maxAssetSize: 1024 * 1024 } : { hints: false },
    devServer: serve
      ? {
          host: 'localhost',
          port,
          server: { type: 'https', options: await httpsServerOptions(port) },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: true,
          open: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
