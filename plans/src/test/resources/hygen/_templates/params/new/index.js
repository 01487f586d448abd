module.exports = {
  params: ({ args, h }) => ({ kind: h.changeCase.constant(args.kind || 'plain thing'), double: (args.size || 1) * 2 }),
}
