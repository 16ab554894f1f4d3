// The rollups dashboard: plain JavaScript on the read API (/api/v1/cities, /rollups, /comparison, /facts) and ECharts.
// Indicators are shown by their Chinese name (indicatorName); one indicator at a time is compared across the
// agencies (or districts) of the city, each beside its previous year, and every figure opens the sentences behind it.
(function () {
  'use strict';
  const L = window.FAZHI_LABELS;
  const state = { cities: [], city: null, year: null, cells: [], cell: null, by: 'agency', comparison: null };
  const charts = {};
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ data
  function query(params) {
    const q = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== '') q.append(k, v);
    });
    return q.toString();
  }
  async function api(path, params) {
    const q = query(params);
    const res = await fetch(path + (q ? '?' + q : ''), { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(path + ': ' + res.status);
    const body = await res.json();
    return { body, total: Number(res.headers.get('X-Total-Count') || (Array.isArray(body) ? body.length : 0)) };
  }

  // ------------------------------------------------------------------ formatting
  const nf = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
  function fmt(value, unit) {
    if (value === null || value === undefined) return '–';
    const v = Number(value);
    if (unit === '元') {
      if (Math.abs(v) >= 1e8) return nf.format(v / 1e8) + ' 亿元';
      if (Math.abs(v) >= 1e4) return nf.format(v / 1e4) + ' 万元';
      return nf.format(v) + ' 元';
    }
    return nf.format(v) + (unit === '%' ? '%' : ' ' + unit);
  }
  function signed(value, unit) {
    if (value === null || value === undefined) return '–';
    return (Number(value) > 0 ? '+' : '') + fmt(value, unit);
  }
  const additive = (cell) => cell.sum !== null && cell.sum !== undefined;
  const figure = (cell) => (additive(cell) ? cell.sum : cell.mean);
  const indicatorName = (cell) => cell.indicatorName || cell.indicator;
  const unitLabel = (unit) => (unit === '%' ? '%' : unit);
  const pct = (n, d) => (d ? Math.round((100 * n) / d) + '%' : '–');
  const rowName = (row) => (row.name === null ? L.cityLevel : row.name);
  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // ------------------------------------------------------------------ charts
  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
      window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
  }
  const baseText = { fontFamily: '"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif' };
  const axisValue = { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { color: '#64748b' } };
  const axisNames = (names) => ({ type: 'category', data: names, axisTick: { show: false },
    axisLine: { lineStyle: { color: '#cbd5e1' } }, axisLabel: { color: '#334155', fontSize: 13 } });
  function empty(id, text) {
    chart(id).clear();
    chart(id).setOption({ textStyle: baseText, title: { text: text || '暂无数据', left: 'center', top: 'middle',
      textStyle: { color: '#94a3b8', fontSize: 14, fontWeight: 'normal' } } });
  }

  // ------------------------------------------------------------------ indicators of the city-year
  function renderIndicators() {
    const tbody = document.querySelector('#indicators tbody');
    tbody.innerHTML = state.cells.map((c, i) => `
      <tr data-index="${i}" data-indicator="${esc(c.indicator)}" data-unit="${esc(c.unit)}" tabindex="0"
          class="${state.cell && sameCell(state.cell, c) ? 'selected' : ''}">
        <td><span class="metric">${esc(indicatorName(c))}</span><span class="muted unit">（${esc(unitLabel(c.unit))}）</span></td>
        <td class="num total" title="${additive(c) ? '合计' : '均值（比率与时长不相加）'}，点击查看来源句子">
          ${additive(c) ? '' : '<span class="muted">均值 </span>'}${esc(fmt(figure(c), c.unit))}${c.lowerBound ? '<span class="tag warn" title="部分数字为下限，如“50余件”">以上</span>' : ''}</td>
        <td class="num">${c.reports}</td>
        <td class="num">${c.agencies}</td>
      </tr>`).join('') || '<tr><td colspan="4" class="muted">暂无数据</td></tr>';
    tbody.querySelectorAll('tr[data-index]').forEach((tr) => {
      const cell = state.cells[Number(tr.dataset.index)];
      tr.addEventListener('click', (e) => {
        if (e.target.closest('td.total')) openDrill(cell, { city: state.city, year: state.year });
        selectCell(cell);
      });
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') selectCell(cell); });
    });
  }
  const sameCell = (a, b) => a.indicator === b.indicator && a.unit === b.unit;

  async function selectCell(cell) {
    const changed = !state.cell || !sameCell(state.cell, cell);
    state.cell = cell;
    document.querySelectorAll('#indicators tbody tr[data-index]').forEach((tr) =>
      tr.classList.toggle('selected', tr.dataset.indicator === cell.indicator && tr.dataset.unit === cell.unit));
    const name = indicatorName(cell) + '（' + unitLabel(cell.unit) + '）';
    ['compare-title', 'cities-title', 'trend-title'].forEach((id) => { $(id).textContent = name; });
    if (changed) await Promise.all([renderComparison(), renderCities(), renderTrend()]);
  }

  // ------------------------------------------------------------------ agencies / districts of the city
  async function renderComparison() {
    const cell = state.cell;
    const params = { city: state.city, year: state.year, indicator: cell.indicator, unit: cell.unit, by: state.by };
    const { body } = await api('/api/v1/comparison', params);
    state.comparison = body;
    $('compare-csv').href = '/api/v1/comparison?' + query(Object.assign({ format: 'xlsx', headers: 'zh' }, params));
    $('comparison-name').textContent = state.by === 'agency' ? '单位' : '区县';
    const rows = body.rows;
    $('compare-hint').textContent = `${state.year} 年 ${rows.length} 个${state.by === 'agency' ? '单位' : '区县'}` +
      (body.additive ? '，合计' : '，均值') + ' · 上年 ' + (state.year - 1);
    document.querySelector('#comparison tbody').innerHTML = rows.map((r, i) => `
      <tr data-index="${i}" data-name="${esc(r.name || '')}" tabindex="0">
        <td class="num">${r.rank}</td>
        <td class="name">${esc(rowName(r))}${r.lowerBound ? '<span class="tag warn" title="部分数字为下限">以上</span>' : ''}</td>
        <td class="muted">${esc(state.by === 'agency' ? (r.district || '市直') : '')}</td>
        <td class="num current">${esc(fmt(r.value, body.unit))}</td>
        <td class="num previous">${esc(fmt(r.previous, body.unit))}</td>
        <td class="num change ${r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}">${esc(signed(r.change, body.unit))}${r.changeRatio !== null ? '<span class="muted"> ' + (Number(r.changeRatio) > 0 ? '+' : '') + Math.round(Number(r.changeRatio) * 100) + '%</span>' : ''}</td>
      </tr>`).join('') || '<tr><td colspan="6" class="muted">暂无数据</td></tr>';
    document.querySelectorAll('#comparison tbody tr[data-index]').forEach((tr) => {
      const open = () => drillRow(rows[Number(tr.dataset.index)]);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    });
    if (!rows.length) return empty('chart-compare');
    const shown = rows.slice(0, 15).reverse();
    const c = chart('chart-compare');
    c.clear();
    c.setOption({
      textStyle: baseText,
      legend: { top: 0, right: 8, textStyle: { color: '#475569' } },
      grid: { left: 8, right: 72, top: 26, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => `${esc(ps[0].name)}<br>` + ps.map((p) => `${p.seriesName}：${esc(fmt(p.value, body.unit))}`).join('<br>') },
      xAxis: axisValue,
      yAxis: axisNames(shown.map(rowName)),
      series: [
        { name: (state.year - 1) + ' 年', type: 'bar', barMaxWidth: 10, barGap: '10%', itemStyle: { color: '#cbd5e1', borderRadius: [0, 3, 3, 0] },
          data: shown.map((r) => (r.previous === null ? null : Number(r.previous))) },
        { name: state.year + ' 年', type: 'bar', barMaxWidth: 14, itemStyle: { color: '#2563eb', borderRadius: [0, 4, 4, 0] },
          data: shown.map((r) => Number(r.value)),
          label: { show: true, position: 'right', color: '#334155', formatter: (p) => fmt(p.value, body.unit) } }
      ]
    });
    c.off('click');
    c.on('click', (p) => drillRow(shown[p.dataIndex]));
  }

  function drillRow(row) {
    const where = { city: state.city, year: state.year };
    if (state.by === 'agency') where.agency = row.name;
    else if (row.name !== null) where.district = row.name;
    openDrill(state.cell, where, rowName(row));
  }

  // ------------------------------------------------------------------ cities and years
  async function renderCities() {
    const cell = state.cell;
    const { body } = await api('/api/v1/rollups', { year: state.year, indicator: cell.indicator, unit: cell.unit, size: 1000 });
    const rows = body.slice().sort((a, b) => Number(figure(b)) - Number(figure(a))).slice(0, 15).reverse();
    if (!rows.length) return empty('chart-cities');
    const c = chart('chart-cities');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${esc(rows[p.dataIndex].city)}<br>${esc(fmt(p.value, cell.unit))}，${rows[p.dataIndex].reports} 份报告` },
      xAxis: axisValue,
      yAxis: axisNames(rows.map((r) => r.city)),
      series: [{ type: 'bar', barMaxWidth: 20,
        data: rows.map((r) => ({ value: Number(figure(r)), itemStyle: { color: r.city === state.city ? '#dc2626' : '#2563eb', borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', color: '#334155', formatter: (p) => fmt(p.value, cell.unit) } }]
    });
    c.off('click');
    c.on('click', (p) => openDrill(cell, { city: rows[p.dataIndex].city, year: state.year }));
  }

  async function renderTrend() {
    const cell = state.cell;
    const { body } = await api('/api/v1/rollups', { city: state.city, indicator: cell.indicator, unit: cell.unit, sort: 'year', size: 1000 });
    if (!body.length) return empty('chart-trend');
    const c = chart('chart-trend');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => `${ps[0].name}年<br>${esc(fmt(ps[0].value, cell.unit))}` },
      xAxis: { type: 'category', data: body.map((r) => String(r.year)), axisLabel: { color: '#334155' },
        axisLine: { lineStyle: { color: '#cbd5e1' } } },
      yAxis: axisValue,
      series: [{ type: 'line', symbolSize: 9, data: body.map((r) => Number(figure(r))),
        lineStyle: { width: 3, color: '#0e9f9a' }, itemStyle: { color: '#0e9f9a' },
        areaStyle: { color: 'rgba(14,159,154,0.10)' },
        label: { show: body.length <= 8, position: 'top', color: '#334155', formatter: (p) => fmt(p.value, cell.unit) } }]
    });
    c.off('click');
    c.on('click', (p) => openDrill(cell, { city: state.city, year: body[p.dataIndex].year }));
  }

  function renderCompliance(summary) {
    if (!summary) return empty('chart-compliance');
    const k = summary.compliance;
    const parts = ['measuresAndResults', 'shortcomings', 'leadersDuties', 'nextYearPlans', 'otherMatters', 'publishedOnTime'];
    const values = parts.map((p) => k[p]);
    const c = chart('chart-compliance');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${L.compliance[parts[p.dataIndex]]}<br>${p.value} / ${k.reports} 份报告` },
      xAxis: Object.assign({}, axisValue, { max: Math.max(1, k.reports) }),
      yAxis: Object.assign(axisNames(parts.map((p) => L.compliance[p])), { inverse: true }),
      series: [{ type: 'bar', barMaxWidth: 18, showBackground: true, backgroundStyle: { color: '#f1f5f9', borderRadius: 4 },
        data: values.map((v, i) => ({ value: v, itemStyle: { borderRadius: 4,
          color: v === k.reports ? '#16a34a' : (i === 5 ? '#f59e0b' : '#2563eb') } })),
        label: { show: true, position: 'right', color: '#334155', formatter: (p) => `${p.value}/${k.reports}` } }]
    });
  }

  function renderCityTable() {
    const rows = state.cities.map((c) => ({ city: c.city, y: c.years.find((y) => y.year === state.year) }))
      .filter((r) => r.y).sort((a, b) => b.y.reports - a.y.reports);
    $('cities-hint').textContent = state.year + ' 年度 · ' + rows.length + ' 个城市';
    document.querySelector('#cities tbody').innerHTML = rows.slice(0, 12).map((r) => `
      <tr data-city="${esc(r.city)}" class="${r.city === state.city ? 'selected' : ''}">
        <td>${esc(r.city)}</td><td class="num">${r.y.reports}</td><td class="num">${r.y.agencies}</td>
        <td class="num">${nf.format(r.y.metrics)}</td>
        <td class="num">${pct(r.y.compliance.complete, r.y.reports)}</td>
        <td class="num">${pct(r.y.compliance.publishedOnTime, r.y.reports)}</td></tr>`).join('');
    document.querySelectorAll('#cities tbody tr').forEach((tr) =>
      tr.addEventListener('click', () => { $('city').value = tr.dataset.city; onCity(); }));
  }

  // ------------------------------------------------------------------ drill-down to the sentences
  function showDrawer(title, subtitle) {
    $('drill-title').textContent = title;
    $('drill-subtitle').textContent = subtitle;
    $('drill-list').innerHTML = '';
    $('drill-more').textContent = '';
    $('drill').classList.add('open');
    $('drill').setAttribute('aria-hidden', 'false');
    $('scrim').hidden = false;
  }

  /** The sentences behind a figure: a cell of a city-year, optionally one agency's or district's part of it. */
  async function openDrill(cell, where, who) {
    const place = [where.city, where.year + ' 年度', who].filter(Boolean).join(' · ');
    showDrawer(indicatorName(cell) + '（' + unitLabel(cell.unit) + '）', place + ' · 加载中…');
    const params = Object.assign({ size: 100, indicator: cell.indicator, unit: cell.unit }, where);
    const { body, total } = await api('/api/v1/facts', params);
    const sum = body.reduce((s, f) => s + Number(f.value), 0);
    $('drill-subtitle').textContent = `${place} · ${total} 条来源` +
      (additive(cell) && total === body.length ? ' · 合计 ' + fmt(sum, cell.unit) : '');
    renderFacts(body, total);
  }

  /** Metrics found by a piece of their label, with an indicator or not (one-off figures are facts too). */
  async function search(text) {
    if (!text) return;
    showDrawer('搜索：' + text, state.city + ' · ' + state.year + ' 年度 · 加载中…');
    const { body, total } = await api('/api/v1/facts', { city: state.city, year: state.year, label: text, size: 100 });
    $('drill-subtitle').textContent = `${state.city} · ${state.year} 年度 · ${total} 条原文指标`;
    renderFacts(body, total);
  }

  function renderFacts(facts, total) {
    $('drill-list').innerHTML = facts.map((f) => `
      <li class="fact">
        <div class="fact-head"><span class="fact-value">${esc(fmt(f.value, f.unit))}${f.approx === 'more_than' ? '<span class="tag warn">以上</span>' : f.approx === 'about' ? '<span class="tag">约</span>' : ''}</span>
          <span class="fact-agency">${esc(f.agency || '未署名单位')}${f.district ? ' · ' + esc(f.district) : ''}</span></div>
        <p class="sentence">${highlight(f.sentence, f.surface)}</p>
        <div class="fact-meta"><span class="tag ${f.indicator ? '' : 'plain'}">${esc(f.indicatorName || '未归入指标')}</span>
          ${f.label ? '原文名称：' + esc(f.label) + ' · ' : ''}${esc(f.sectionHeading || '（正文开头）')} ·
          <a href="/api/v1/facts/${encodeURIComponent(f.reportId)}" target="_blank" rel="noopener">报告全部数字</a></div>
      </li>`).join('') || '<li class="muted">没有来源句子</li>';
    $('drill-more').textContent = total > facts.length ? `仅显示数值最大的 ${facts.length} 条，共 ${total} 条。` : '';
  }
  function highlight(sentence, surface) {
    const s = esc(sentence || '');
    const t = esc(surface || '');
    const i = t ? s.indexOf(t) : -1;
    return i < 0 ? s : s.slice(0, i) + '<mark>' + t + '</mark>' + s.slice(i + t.length);
  }
  function closeDrill() {
    $('drill').classList.remove('open');
    $('drill').setAttribute('aria-hidden', 'true');
    $('scrim').hidden = true;
  }

  // ------------------------------------------------------------------ page
  function fillYears() {
    const city = state.cities.find((c) => c.city === state.city);
    const years = city ? city.years.map((y) => y.year).sort((a, b) => b - a) : [];
    if (!years.includes(state.year)) state.year = years[0];
    $('year').innerHTML = years.map((y) => `<option value="${y}">${y === 0 ? '年度不详' : y + ' 年度'}</option>`).join('');
    $('year').value = String(state.year);
  }

  async function render() {
    history.replaceState(null, '', '?' + query({ city: state.city, year: state.year }));
    const exported = { city: state.city, year: state.year, headers: 'zh' };
    $('csv-link').href = '/api/v1/rollups?' + query(Object.assign({ format: 'csv' }, exported));
    $('xlsx-link').href = '/api/v1/rollups?' + query(Object.assign({ format: 'xlsx' }, exported));
    const city = state.cities.find((c) => c.city === state.city);
    const summary = city && city.years.find((y) => y.year === state.year);
    const k = summary ? summary.compliance : null;
    $('kpi-reports').textContent = summary ? nf.format(summary.reports) : '0';
    $('kpi-reports-note').textContent = city ? `全部年度共 ${city.reports} 份` : '';
    $('kpi-agencies').textContent = summary ? nf.format(summary.agencies) : '0';
    $('kpi-agencies-note').textContent = summary ? `含 ${summary.districts} 个区县（园区）` : '';
    $('kpi-metrics').textContent = summary ? nf.format(summary.metrics) : '0';
    $('kpi-complete').textContent = k ? pct(k.complete, k.reports) : '–';
    $('kpi-complete-note').textContent = k ? `${k.complete} / ${k.reports} 份报告` : '';
    $('kpi-ontime').textContent = k ? pct(k.publishedOnTime, k.reports) : '–';
    $('kpi-ontime-note').textContent = k ? `${k.publishedOnTime} / ${k.reports} 份（${k.publishedKnown} 份注明日期）` : '';

    const { body } = await api('/api/v1/rollups', { city: state.city, year: state.year, size: 1000 });
    state.cells = body;
    renderIndicators();
    renderCompliance(summary);
    renderCityTable();
    const keep = state.cell && body.find((c) => sameCell(c, state.cell));
    const first = keep || body.slice().sort((a, b) => (b.reports - a.reports) || (b.observations - a.observations))[0];
    state.cell = null;
    if (first) {
      await selectCell(first);
    } else {
      document.querySelector('#comparison tbody').innerHTML = '';
      ['chart-compare', 'chart-cities', 'chart-trend'].forEach((id) => empty(id));
    }
    document.body.dataset.ready = 'true';
  }

  function onCity() {
    state.city = $('city').value;
    state.cell = null;
    fillYears();
    render();
  }

  async function setBy(by) {
    if (state.by === by) return;
    state.by = by;
    $('by-agency').classList.toggle('on', by === 'agency');
    $('by-district').classList.toggle('on', by === 'district');
    document.body.dataset.ready = 'false';
    if (state.cell) await renderComparison();
    document.body.dataset.ready = 'true';
  }

  async function init() {
    const { body } = await api('/api/v1/cities');
    state.cities = body;
    if (!body.length) {
      $('empty').hidden = false;
      document.querySelector('.grid').hidden = true;
      document.body.dataset.ready = 'true';
      return;
    }
    const url = new URLSearchParams(location.search);
    const byReports = body.slice().sort((a, b) => b.reports - a.reports);
    state.city = body.some((c) => c.city === url.get('city')) ? url.get('city') : byReports[0].city;
    state.year = url.has('year') ? Number(url.get('year')) : null;
    $('city').innerHTML = body.map((c) => `<option value="${esc(c.city)}">${esc(c.city)}（${c.reports}）</option>`).join('');
    $('city').value = state.city;
    fillYears();
    $('city').addEventListener('change', onCity);
    $('year').addEventListener('change', () => { state.year = Number($('year').value); render(); });
    $('by-agency').addEventListener('click', () => setBy('agency'));
    $('by-district').addEventListener('click', () => setBy('district'));
    $('search').addEventListener('keydown', (e) => { if (e.key === 'Enter') search($('search').value.trim()); });
    $('drill-close').addEventListener('click', closeDrill);
    $('scrim').addEventListener('click', closeDrill);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDrill(); });
    await render();
  }

  init().catch((e) => {
    console.error(e);
    $('empty').hidden = false;
    $('empty').textContent = '数据加载失败：' + e.message;
    document.body.dataset.ready = 'error';
  });
})();
