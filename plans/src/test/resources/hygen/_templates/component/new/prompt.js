const labels = require('../../lib/labels')
module.exports = [
  { type: 'input', name: 'name', message: 'Component name?' },
  { type: 'select', name: 'style', message: 'Style?', choices: ['css', 'scss', { name: 'none', message: 'No style' }] },
  { type: 'confirm', name: 'withTest', message: 'With a test?', initial: true },
  { type: 'numeral', name: 'count', message: 'How many props?', initial: 2 },
  { type: 'input', name: 'author', message: labels.author, initial: 'nobody' },
]
