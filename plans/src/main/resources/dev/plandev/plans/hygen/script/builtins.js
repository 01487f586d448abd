// The modules that hygen templates use from Node and npm, written for plandev's sandbox: `path`
// (POSIX), `inflection` (the functions and rules of inflection 1.13, quirks included, checked
// word by word against it by HygenDifferentialTest), `change-case`
// (the functions of change-case 3.1; letters beyond Latin-1 count as word characters but have no
// case boundaries), and hygen's helper object `h`. Evaluated once per sandbox; its value is the
// table that the Java side reads.
(function (global) {
  'use strict';

  // ---- Date on the injected clock: new Date() and Date.now() read it, the rest is Date's ----
  var SystemDate = global.Date;
  var now = global.__plandevNow;
  delete global.__plandevNow;
  function ClockDate(year, month, day, hours, minutes, seconds, millis) {
    var n = arguments.length;
    if (!(this instanceof ClockDate)) {
      return new SystemDate(now()).toString();
    }
    if (n === 0) return new SystemDate(now());
    if (n === 1) return new SystemDate(year);
    return new SystemDate(year, month, day === undefined ? 1 : day, hours || 0, minutes || 0,
      seconds || 0, millis || 0);
  }
  ClockDate.prototype = SystemDate.prototype;
  ClockDate.UTC = SystemDate.UTC;
  ClockDate.parse = SystemDate.parse;
  ClockDate.now = function () { return now(); };
  Object.defineProperty(SystemDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  global.Date = ClockDate;

  // ---- path (POSIX) ----
  function normalizeParts(parts, absolute) {
    var out = [];
    parts.forEach(function (p) {
      if (!p || p === '.') return;
      if (p === '..') {
        if (out.length && out[out.length - 1] !== '..') out.pop();
        else if (!absolute) out.push('..');
      } else out.push(p);
    });
    return out;
  }
  var path = {
    sep: '/',
    delimiter: ':',
    isAbsolute: function (p) { return String(p).charAt(0) === '/'; },
    normalize: function (p) {
      p = String(p);
      if (p === '') return '.';
      var abs = p.charAt(0) === '/';
      var trailing = p.charAt(p.length - 1) === '/';
      var s = normalizeParts(p.split('/'), abs).join('/');
      if (!s && !abs) s = '.';
      if (s && trailing) s += '/';
      return (abs ? '/' : '') + s;
    },
    join: function () {
      var parts = Array.prototype.slice.call(arguments).filter(function (p) { return p !== ''; });
      return parts.length ? path.normalize(parts.join('/')) : '.';
    },
    resolve: function () {
      var resolved = '';
      for (var i = arguments.length - 1; i >= 0 && resolved.charAt(0) !== '/'; i--) {
        var p = String(arguments[i]);
        if (p) resolved = p + (resolved ? '/' + resolved : '');
      }
      if (resolved.charAt(0) !== '/') resolved = process.cwd() + (resolved ? '/' + resolved : '');
      var s = '/' + normalizeParts(resolved.split('/'), true).join('/');
      return s;
    },
    dirname: function (p) {
      p = String(p).replace(/\/+$/, '') || (String(p).charAt(0) === '/' ? '/' : '');
      var i = p.lastIndexOf('/');
      if (i < 0) return '.';
      if (i === 0) return '/';
      return p.slice(0, i);
    },
    basename: function (p, ext) {
      var b = String(p).replace(/\/+$/, '');
      b = b.slice(b.lastIndexOf('/') + 1);
      if (ext && b !== ext && b.slice(-ext.length) === ext) b = b.slice(0, -ext.length);
      return b;
    },
    extname: function (p) {
      var b = path.basename(p);
      var i = b.lastIndexOf('.');
      return i <= 0 ? '' : b.slice(i);
    },
    relative: function (from, to) {
      var f = path.resolve(from).split('/').filter(Boolean);
      var t = path.resolve(to).split('/').filter(Boolean);
      var i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      var up = f.slice(i).map(function () { return '..'; });
      return up.concat(t.slice(i)).join('/');
    }
  };
  path.posix = path;

  // ---- inflection ----
  var uncountables = ['equipment', 'information', 'rice', 'money', 'species', 'series', 'sheep',
    'moose', 'deer', 'news'];
  var irregular = [['person', 'people'], ['man', 'men'], ['woman', 'women'], ['child', 'children'],
    ['ox', 'oxen'], ['goose', 'geese'], ['foot', 'feet'], ['tooth', 'teeth'], ['move', 'moves'],
    ['sex', 'sexes']];
  var pluralRules = [
    [/(quiz)$/i, '$1zes'], [/^(ox)$/i, '$1en'], [/([m|l])ice$/i, '$1ice'],
    [/([m|l])ouse$/i, '$1ice'], [/(matr|vert|ind)(ix|ex)$/i, '$1ices'],
    [/(x|ch|ss|sh)$/i, '$1es'], [/([^aeiouy]|qu)y$/i, '$1ies'], [/(hive)$/i, '$1s'],
    [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'], [/sis$/i, 'ses'], [/([ti])a$/i, '$1a'],
    [/([ti])um$/i, '$1a'], [/(buffal|tomat|potat)o$/i, '$1oes'],
    [/(bu)s$/i, '$1ses'], [/(alias|status)$/i, '$1es'], [/(octop|vir)us$/i, '$1uses'],
    [/(ax|test)is$/i, '$1es'],
    [/s$/i, 's'], [/$/, 's']];
  // A null replacement keeps the word as it is (already singular).
  var singularRules = [
    [/(quiz)zes$/i, '$1'], [/(matr)ices$/i, '$1ix'], [/(vert|ind)ices$/i, '$1ex'],
    [/^(ox)en/i, '$1'], [/(alias|status)(es)?$/i, '$1'], [/(octop|vir)(i|us|uses)$/i, '$1us'],
    [/(x|ch|ss|sh)es$/i, '$1'], [/(cris|ax|test)(is|es)$/i, '$1is'], [/(o)es$/i, '$1'],
    [/(bus)(es)?$/i, '$1'], [/([m|l])ice$/i, '$1ouse'], [/(m)ovies$/i, '$1ovie'],
    [/(s)eries$/i, '$1eries'], [/([^aeiouy]|qu)ies$/i, '$1y'], [/([lr])ves$/i, '$1f'],
    [/(tive)s$/i, '$1'], [/(hive)s$/i, '$1'], [/([^f])ves$/i, '$1fe'],
    [/(^analy)sis$/i, null], [/sis$/i, null],
    [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$/i, '$1$2sis'],
    [/([ti])a$/i, '$1um'], [/(n)ews$/i, '$1ews'], [/(ss)$/i, '$1'], [/s$/i, '']];
  function keepCase(model, word) {
    return model.charAt(0) === model.charAt(0).toUpperCase()
      ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }
  function inflect(str, rules, from, to) {
    str = String(str);
    var lower = str.toLowerCase();
    if (uncountables.indexOf(lower) >= 0) return str;
    for (var i = 0; i < irregular.length; i++) {
      if (lower === irregular[i][from] || lower === irregular[i][to]) {
        return keepCase(str, irregular[i][to]);
      }
    }
    for (var r = 0; r < rules.length; r++) {
      if (rules[r][0].test(str)) {
        return rules[r][1] === null ? str : str.replace(rules[r][0], rules[r][1]);
      }
    }
    return str;
  }
  var lowercaseWords = ['and', 'or', 'nor', 'a', 'an', 'the', 'so', 'but', 'to', 'of', 'at',
    'by', 'from', 'into', 'on', 'onto', 'off', 'out', 'in', 'over', 'with', 'for'];
  var inflection = {
    pluralize: function (str, plural) { return plural || inflect(str, pluralRules, 0, 1); },
    singularize: function (str, singular) { return singular || inflect(str, singularRules, 1, 0); },
    inflect: function (str, count, singular, plural) {
      count = parseFloat(count, 10);
      if (isNaN(count)) return str;
      return count === 1 ? inflection.singularize(str, singular) : inflection.pluralize(str, plural);
    },
    camelize: function (str, lowFirstLetter) {
      return String(str).split('/').map(function (segment, i) {
        return segment.split('_').map(function (word, k) {
          if (k !== 0) word = word.toLowerCase();
          var first = word.charAt(0);
          first = lowFirstLetter && i === 0 && k === 0 ? first.toLowerCase() : first.toUpperCase();
          return first + word.substring(1);
        }).join('');
      }).join('::');
    },
    underscore: function (str, allUpperCase) {
      str = String(str);
      if (allUpperCase && str === str.toUpperCase()) return str;
      return str.split('::').map(function (segment) {
        return segment.replace(/([A-Z])/g, '_$1').replace(/^_/, '');
      }).join('/').toLowerCase();
    },
    humanize: function (str, lowFirstLetter) {
      str = String(str).toLowerCase().replace(/_id$/, '').replace(/_/g, ' ');
      return lowFirstLetter ? str : inflection.capitalize(str);
    },
    capitalize: function (str) {
      str = String(str).toLowerCase();
      return str.substring(0, 1).toUpperCase() + str.substring(1);
    },
    dasherize: function (str) { return String(str).replace(/[ _]/g, '-'); },
    titleize: function (str) {
      str = String(str).toLowerCase().replace(/_/g, ' ').split(' ').map(function (word) {
        return word.split('-').map(function (d) {
          return lowercaseWords.indexOf(d.toLowerCase()) < 0 ? inflection.capitalize(d) : d;
        }).join('-');
      }).join(' ');
      return str.substring(0, 1).toUpperCase() + str.substring(1);
    },
    demodulize: function (str) { var p = String(str).split('::'); return p[p.length - 1]; },
    tableize: function (str) {
      return inflection.pluralize(inflection.underscore(inflection.demodulize(str)));
    },
    classify: function (str) {
      return inflection.singularize(inflection.camelize(inflection.demodulize(str)));
    },
    foreign_key: function (str, dropIdUbar) {
      return inflection.underscore(inflection.demodulize(str)) + (dropIdUbar ? '' : '_') + 'id';
    },
    ordinalize: function (str) {
      return String(str).split(' ').map(function (word) {
        if (isNaN(parseInt(word, 10))) return word;
        var two = word.substring(word.length - 2);
        var one = word.substring(word.length - 1);
        var suffix = 'th';
        if (two !== '11' && two !== '12' && two !== '13') {
          suffix = one === '1' ? 'st' : one === '2' ? 'nd' : one === '3' ? 'rd' : 'th';
        }
        return word + suffix;
      }).join(' ');
    },
    transform: function (str, names) {
      return names.reduce(function (s, name) { return inflection[name] ? inflection[name](s) : s; }, str);
    },
    // hygen adds this one: kebab-case to KebabCase.
    undasherize: function (str) {
      return String(str).split(/[-_]/).map(function (w) {
        return w[0].toUpperCase() + w.slice(1).toLowerCase();
      }).join('');
    }
  };

  // ---- change-case ----
  var LOWER = 'a-z\\u00B5\\u00DF-\\u00F6\\u00F8-\\u00FF';
  var UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE';
  var CAMEL = new RegExp('([' + LOWER + '0-9])([' + UPPER + '])', 'g');
  var CAMEL_UPPER = new RegExp('([' + UPPER + '])([' + UPPER + '][' + LOWER + '])', 'g');
  var NON_WORD = /[^A-Za-z0-9\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C1\u0370-\u1FFF\u2C00-\uD7FF\uF900-\uFFDC]+/g;
  function noCase(value, locale, replacement) {
    if (value == null) return '';
    replacement = typeof replacement !== 'string' ? ' ' : replacement;
    var s = String(value).replace(CAMEL, '$1 $2').replace(CAMEL_UPPER, '$1 $2');
    s = s.replace(NON_WORD, function (match, index, whole) {
      return index === 0 || index === whole.length - match.length ? '' : replacement;
    });
    return s.toLowerCase();
  }
  function upper(s) { return s == null ? '' : String(s).toUpperCase(); }
  function lower(s) { return s == null ? '' : String(s).toLowerCase(); }
  function upperFirst(s) { return s == null ? '' : (s = String(s), s.charAt(0).toUpperCase() + s.substr(1)); }
  function lowerFirst(s) { return s == null ? '' : (s = String(s), s.charAt(0).toLowerCase() + s.substr(1)); }
  function camel(value, locale, mergeNumbers) {
    var s = noCase(value, locale);
    if (!mergeNumbers) s = s.replace(/ (?=\d)/g, '_');
    return s.replace(/ (.)/g, function (m, c) { return c.toUpperCase(); });
  }
  function pascal(value, locale, mergeNumbers) { return upperFirst(camel(value, locale, mergeNumbers)); }
  function snake(value, locale) { return noCase(value, locale, '_'); }
  function param(value, locale) { return noCase(value, locale, '-'); }
  var changeCase = {
    no: noCase, dot: function (v, l) { return noCase(v, l, '.'); },
    swap: function (v) {
      var s = v == null ? '' : String(v), out = '';
      for (var i = 0; i < s.length; i++) {
        var c = s.charAt(i), u = c.toUpperCase();
        out += c === u ? c.toLowerCase() : u;
      }
      return out;
    },
    path: function (v, l) { return noCase(v, l, '/'); },
    upper: upper, lower: lower, camel: camel, snake: snake,
    title: function (v, l) {
      return noCase(v, l).replace(/^.| ./g, function (m) { return m.toUpperCase(); });
    },
    param: param,
    header: function (v, l) {
      return noCase(v, l, '-').replace(/^.|-./g, function (m) { return m.toUpperCase(); });
    },
    pascal: pascal,
    constant: function (v, l) { return upper(snake(v, l)); },
    sentence: function (v, l) { return upperFirst(noCase(v, l)); },
    isUpper: function (v) { return upper(v) === v; },
    isLower: function (v) { return lower(v) === v; },
    ucFirst: upperFirst, lcFirst: lowerFirst
  };
  [['no', 'noCase'], ['dot', 'dotCase'], ['swap', 'swapCase'], ['path', 'pathCase'],
    ['upper', 'upperCase'], ['lower', 'lowerCase'], ['camel', 'camelCase'],
    ['snake', 'snakeCase'], ['title', 'titleCase'], ['param', 'paramCase'], ['param', 'kebab'],
    ['param', 'kebabCase'], ['param', 'hyphen'], ['param', 'hyphenCase'],
    ['header', 'headerCase'], ['pascal', 'pascalCase'], ['constant', 'constantCase'],
    ['sentence', 'sentenceCase'], ['isUpper', 'isUpperCase'], ['isLower', 'isLowerCase'],
    ['ucFirst', 'upperCaseFirst'], ['lcFirst', 'lowerCaseFirst']].forEach(function (alias) {
    changeCase[alias[1]] = changeCase[alias[0]];
  });

  var helpers = {
    capitalize: function (str) {
      var s = String(str);
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
    inflection: inflection,
    changeCase: changeCase,
    path: path
  };

  // hygen's render context: the defaults and the config's localsDefaults under the locals, the
  // derived Name, names and Names, and h with the config's helpers added.
  function context(locals, config) {
    config = config || {};
    var all = Object.assign({}, { name: 'unnamed' }, config.localsDefaults, locals);
    Object.keys(all).forEach(function (key) {
      if (key === 'name') {
        var value = all[key];
        all.Name = helpers.capitalize(value);
        all.names = inflection.pluralize(value);
        all.Names = helpers.capitalize(inflection.pluralize(value));
      }
    });
    var extra = typeof config.helpers === 'function' ? config.helpers(locals, config) : config.helpers;
    all.h = Object.assign({}, helpers, extra || {});
    return all;
  }

  // Where hygen's inject puts the body: the first line matching a pattern, or else the line of
  // the first match over the whole text.
  function lineOf(pattern, lines, before) {
    var index = lines.findIndex(function (l) { return l.match(pattern); });
    if (index < 0) {
      var text = lines.join('\n');
      var m = text.match(new RegExp(pattern, 'm'));
      if (m && m.length) {
        if (before) return text.substring(0, m.index).split(/\r?\n/).length - 1;
        return text.substring(0, m.index + m.toString().length).split(/\r?\n/).length;
      }
    }
    return index + (before ? 0 : 1);
  }
  var locations = {
    at_line: function (v) { return v; },
    prepend: function () { return 0; },
    append: function (v, lines) { return lines.length - 1; },
    before: function (v, lines) { return lineOf(v, lines, true); },
    after: function (v, lines) { return lineOf(v, lines, false); }
  };
  function inject(attributes, body, content) {
    if (attributes.skip_if && content.match(attributes.skip_if)) return { skipped: true, content: content };
    var newlines = content.match(/(?:\r?\n)/g) || [];
    var crlf = newlines.filter(function (n) { return n === '\r\n'; }).length;
    var nl = newlines.length === 0 ? '\n' : crlf > newlines.length - crlf ? '\r\n' : '\n';
    var lines = content.split(nl);
    var key = Object.keys(attributes).find(function (k) { return locations[k]; });
    var index = key ? locations[key](attributes[key], lines) : -1;
    if (index >= 0 && attributes.eof_last === false && /\r?\n$/.test(body)) {
      lines.splice(index, 0, body.replace(/\r?\n$/, ''));
    } else if (index >= 0 && attributes.eof_last === true && !/\r?\n$/.test(body)) {
      lines.splice(index, 0, body + nl);
    } else if (index >= 0) {
      lines.splice(index, 0, body);
    }
    return { skipped: false, content: lines.join(nl) };
  }

  return {
    context: context,
    withAttributes: function (ctx, attributes) {
      return Object.assign({}, ctx, { attributes: attributes });
    },
    inject: inject,
    modules: { path: path, inflection: inflection, 'change-case': changeCase },
    helpers: helpers,
    parseJson: function (text) { return JSON.parse(text); },
    escapeXml: function (markup) {
      return markup == undefined ? '' : String(markup).replace(/[&<>'"]/g, function (c) {
        return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }[c];
      });
    },
    promise: { resolve: function (v) { return Promise.resolve(v); } },
    settle: function (value, box) {
      Promise.resolve(value).then(function (v) { box.value = v; }, function (e) { box.error = e; });
    }
  };
})(this);
