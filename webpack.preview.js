// The preview host (development only): the real task pane beside a simulated workbook. Never part of the
// add-in's production bundle: it pulls in HyperFormula (GPL-3.0) to compute the workbook's formulas.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { devServerPortOrExit } = require('./scripts/dev-port');

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode || 'development',
  entry: { preview: './src/preview/index.tsx' },
  output: { path: path.resolve(__dirname, 'dist-preview'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  devtool: argv.mode === 'production' ? false : 'eval-cheap-module-source-map',
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', noEmit: false } } },
      },
    ],
  },
  plugins: [new HtmlWebpackPlugin({ template: './src/preview/preview.html', filename: 'index.html', inject: 'body' })],
  performance: { hints: false },
  devServer: {
    host: 'localhost',
    port: _env.WEBPACK_SERVE ? devServerPortOrExit() : undefined,
    // Plain http on localhost: browsers treat it as a secure context, and no dev certificate is needed.
    server: 'http',
    static: false,
    open: false,
    client: { overlay: { warnings: false } },
  },
});
