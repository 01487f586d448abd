---
to: src/components/<%= h.changeCase.param(name) %>/<%= h.changeCase.pascal(name) %>.jsx
---
<%# a comment that renders nothing -%>
// <%= Name %> (<%= names %>, <%= Names %>) by <%= author %>
<%_ if (style !== 'none') { _%>
import './<%= h.changeCase.param(name) %>.<%= style %>'
<%_ } _%>
export const <%= h.changeCase.pascal(name) %> = (props) => {
<% for (let i = 0; i < count; i++) { -%>
  const p<%= i %> = props.p<%= i %> // prop <%= i + 1 %> of <%= count %>
<% } -%>
  return '<%= '<b>' + name + '</b>' %>' + "<%- '<i>raw</i>' %>"
}
// literal: <%% not a tag %%>
// camel <%= h.changeCase.camel(name) %> snake <%= h.changeCase.snake(name) %> constant <%= h.changeCase.constant(name) %>
// dot <%= h.changeCase.dot(name) %> path <%= h.changeCase.path(name) %> title <%= h.changeCase.title(name) %>
// sentence <%= h.changeCase.sentence(name) %> header <%= h.changeCase.header(name) %> upperFirst <%= h.changeCase.upperCaseFirst(name) %>
// inflection <%= h.inflection.pluralize('person') %> <%= h.inflection.pluralize('category') %> <%= h.inflection.singularize('boxes') %> <%= h.inflection.camelize('user_profile') %> <%= h.inflection.underscore('UserProfile') %> <%= h.inflection.titleize('message_properties_of_the_day') %> <%= h.inflection.humanize('author_id') %> <%= h.inflection.dasherize('a_b c') %> <%= h.inflection.ordinalize('21 12 3') %> <%= h.inflection.undasherize('my-comp_x') %> <%= h.capitalize('hello world') %>
// args: generator=<%= generator %> action=<%= action %> positionals=<%= _.join('|') %> ts=<%= ts %> test=<%= withTest %>
