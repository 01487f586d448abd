var escapeMap = {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&#34;',"'":'&#39;'};
function esc(s){ return s == null ? '' : String(s).replace(/[&<>'"]/g, function(c){ return escapeMap[c]; }); }
function render(locals) {
  var __out = '';
  with (locals) {
    const TITLE = locals.title || 'Plan';
    const PHASES = parseInt(locals.phases || '3', 10);
    __out += '# Plan ' + esc(TITLE) + '\n';
    for (let n = 1; n <= PHASES; n++) {
      __out += '## ' + esc(n) + '. Phase ' + esc(n) + '\n';
      for (let t = 1; t <= 2; t++) { __out += '- [ ] **' + esc(n) + '.' + esc(t) + '** T\u00e2che ' + esc(t) + '\n'; }
    }
    __out += ((locals.title || 'plan').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.]+/g, '-')) + '\n';
    __out += [1,2,3].map(x => `<${x}>`).join(',') + '\n';
  }
  return __out;
}
render({title: 'Cache Redis à deux niveaux', phases: '5'});
