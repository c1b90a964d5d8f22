// Microsoft's Prettier settings for Office add-ins (office-addin-prettier-config, as the Yeoman template uses
// them), with this repository's single quotes, trailing commas and longer lines.
module.exports = { ...require('office-addin-prettier-config'), singleQuote: true, trailingComma: 'all', printWidth: 160 };
