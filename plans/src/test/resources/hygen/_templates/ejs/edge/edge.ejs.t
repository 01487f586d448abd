---
to: edge/<%= name %>.txt
---
<%_ if (true) { _%>
   indented slurp
    <%_ } _%>
a <%- "raw" -%>
b
<%# comment %>
c <%= 1 -%>   
d
	<%_ const x = 5 _%>	
x=<%= x %>
<%= 'q"uote & <tag>' %> [<%- null %>] [<%- undefined %>] [<%= null %>] [<%= undefined %>] [<%= 0 %>] [<%= false %>]
<% // a line comment at the end %>
text // not code
<%- ['a','b'].map(v => `<${v}>`).join('') %>
\backslash \n literal "double" 'single'
<% for (const k of ["p", "q"]) { -%>
of:<%= k %>
<% } -%>
<% for (const k in { r: 1, s: 2 }) { %>in:<%= k %> <% } %>
<%= name %>; <%= locals.name %>; <%= typeof missing %>
<%%= escaped tag %%>
<%- JSON.stringify({ a: [1, 2], b: "c" }) %>
crlf <%= name -%>
after crlf
<%_ if (name) { _%>
in block
<%_ } _%>
end