// plandev's built-in plan-dev template in hygen format: copy the plan-dev folder into your own
// _templates (plandev new --copy-hygen plan-dev does it) and edit it; it runs with plandev
// (`plandev new plan-dev new`, defaults learned from your answers) and with hygen
// (`hygen plan-dev new --title "..."`) alike. French by default; --lang en writes the English plan.
const now = new Date()
const month = String(now.getMonth() + 1).padStart(2, '0')

module.exports = [
  {
    type: 'input',
    name: 'version',
    message: 'Plan version',
    initial: `v${now.getFullYear()}-${month}`,
    validate: (v) => /^v[0-9A-Za-z][0-9A-Za-z._-]*$/.test(v) || 'a version such as v2025-06',
  },
  {
    type: 'input',
    name: 'title',
    message: 'Plan title',
    validate: (v) => String(v).trim() !== '' || 'the plan needs a title (--title "...")',
  },
  { type: 'input', name: 'description', message: 'Description (one sentence, optional)' },
  { type: 'select', name: 'phases', message: 'Number of phases', choices: ['3', '4', '5'] },
  { type: 'input', name: 'author', message: 'Author', initial: process.env.USER || '' },
]
