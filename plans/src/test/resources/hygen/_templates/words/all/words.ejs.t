---
to: words/all.txt
---
<%_ const words = ['user', 'category', 'person', 'box', 'mouse', 'bus', 'status', 'alias', 'quiz', 'ox', 'child', 'man', 'woman', 'tooth', 'foot', 'goose', 'knife', 'wife', 'leaf', 'half', 'wolf', 'hero', 'potato', 'photo', 'piano', 'analysis', 'thesis', 'crisis', 'axis', 'octopus', 'virus', 'matrix', 'index', 'vertex', 'datum', 'medium', 'sheep', 'fish', 'series', 'species', 'news', 'information', 'equipment', 'movie', 'shoe', 'hive', 'archive', 'day', 'key', 'city', 'address', 'class', 'wish', 'church', 'cactus', 'Person', 'UserProfile', 'user_profile', 'the-thing', 'API', 'HTTPServer', 'move', 'sex', 'cow', 'zombie', 'data', 'status_code', 'Octopus', 'BUS', 'Category', 'money', 'rice', 'police', 'jeans'] _%>
<%_ for (const w of words) { _%>
<%= w %>: <%= h.inflection.pluralize(w) %> <%= h.inflection.singularize(w) %> <%= h.inflection.singularize(h.inflection.pluralize(w)) %> | <%= h.inflection.camelize(w) %> <%= h.inflection.camelize(w, true) %> <%= h.inflection.underscore(w) %> <%= h.inflection.humanize(w) %> <%= h.inflection.titleize(w) %> <%= h.inflection.tableize(w) %> <%= h.inflection.classify(w) %> <%= h.inflection.foreign_key(w) %> <%= h.inflection.dasherize(w) %>
<%_ } _%>
<%_ const phrases = ['hello world', 'HelloWorld', 'helloWorld', 'hello_world', 'hello-world', 'HELLO_WORLD', 'XMLHttpRequest', 'version 1.2.3', 'user2Name', '  padded  ', 'Été à Paris', 'some.dotted.name', 'path/to/file', 'a', '', 'ABC', 'camelCaseX', 'test123abc', 'foo--bar__baz'] _%>
<%_ for (const p of phrases) { _%>
[<%= p %>] <%= h.changeCase.camel(p) %>|<%= h.changeCase.pascal(p) %>|<%= h.changeCase.snake(p) %>|<%= h.changeCase.param(p) %>|<%= h.changeCase.constant(p) %>|<%= h.changeCase.dot(p) %>|<%= h.changeCase.path(p) %>|<%= h.changeCase.title(p) %>|<%= h.changeCase.sentence(p) %>|<%= h.changeCase.header(p) %>|<%= h.changeCase.no(p) %>|<%= h.changeCase.swap(p) %>|<%= h.changeCase.isUpper(p) %>|<%= h.changeCase.isLower(p) %>|<%= h.changeCase.lcFirst(p) %>|<%= h.capitalize(p) %>|<%= h.inflection.ordinalize(p + ' 1 2 3 11 22 101') %>
<%_ } _%>
<%= h.path.join('a', '../b', 'c.txt') %> <%= h.path.basename('/x/y/z.ejs.t', '.t') %> <%= h.path.extname('f.tar.gz') %> <%= h.path.dirname('/a/b/c') %> <%= h.path.relative('/a/b', '/a/c/d') %> <%= h.path.normalize('a//b/../c/') %>
