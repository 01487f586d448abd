module.exports = { author: 'Who writes it?' }
