module.exports = {
  helpers: {
    shout: (s) => String(s).toUpperCase() + '!',
  },
  localsDefaults: { greeting: 'hi from localsDefaults' },
}
