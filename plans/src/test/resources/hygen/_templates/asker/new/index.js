module.exports = {
  prompt: ({ prompter, args }) => {
    if (args.color) {
      return Promise.resolve({ color: args.color.toUpperCase() })
    }
    return prompter.prompt({ type: 'input', name: 'color', message: 'Color?' })
  },
}
