// The rollups dashboard: plain JavaScript on the read API (/api/v1/cities, /rollups, /facts) and ECharts.
(function () {
  'use strict';
  const L = window.FAZHI_LABELS;
  const PALETTE = ['#2563eb', '#0e9f9a', '#f59e0b', '#dc2626', '#7c3aed', '#16a34a', '#db2777', '#0891b2',
    '#ca8a04', '#4b5563', '#9333ea', '#ea580c', '#64748b'];
  const state = { cities: [], city: null, year: null, category: null, cells: [], cell: null };
  const charts = {};
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ data
  async function api(path, params) {
    const q = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== '') q.append(k, v);
    });
    const res = await fetch(path + (q.toString() ? '?' + q : ''), { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(path + ': ' + res.status);
    const body = await res.json();
    return { body, total: Number(res.headers.get('X-Total-Count') || (Array.isArray(body) ? body.length : 0)) };
  }

  /** The rollup-cell filter of a cell: key, else label; category and unit. */
  function cellParams(cell) {
    return cell.metricKey ? { metricKey: cell.metricKey, unit: cell.unit, category: cell.category }
      : { label: cell.label, unit: cell.unit, category: cell.category };
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
  const additive = (cell) => cell.sum !== null && cell.sum !== undefined;
  const figure = (cell) => (additive(cell) ? cell.sum : cell.mean);
  const metricName = (cell) => (cell.metricKey ? (L.metrics[cell.metricKey] || cell.metricKey) : cell.label || '（无名称）');
  const categoryName = (key) => L.categories[key] || key;
  const pct = (n, d) => (d ? Math.round((100 * n) / d) + '%' : '–');
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
  function empty(id, text) {
    chart(id).clear();
    chart(id).setOption({ textStyle: baseText, title: { text: text || '暂无数据', left: 'center', top: 'middle',
      textStyle: { color: '#94a3b8', fontSize: 14, fontWeight: 'normal' } } });
  }

  function renderCategories() {
    const byCat = {};
    state.cells.forEach((c) => {
      const e = byCat[c.category] || (byCat[c.category] = { observations: 0, cells: 0 });
      e.observations += c.observations;
      e.cells += 1;
    });
    const keys = Object.keys(L.categories).filter((k) => byCat[k]).sort((a, b) => byCat[a].observations - byCat[b].observations);
    if (!keys.length) return empty('chart-categories');
    const c = chart('chart-categories');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${p.name}<br>${p.value} 条指标，${byCat[keys[p.dataIndex]].cells} 项汇总` },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { color: '#64748b' } },
      yAxis: { type: 'category', data: keys.map(categoryName), axisTick: { show: false },
        axisLine: { lineStyle: { color: '#cbd5e1' } }, axisLabel: { color: '#334155', fontSize: 13 } },
      series: [{ type: 'bar', barMaxWidth: 22, data: keys.map((k) => ({ value: byCat[k].observations,
        itemStyle: { color: state.category && state.category !== k ? '#cbd5e1' : PALETTE[Object.keys(L.categories).indexOf(k) % PALETTE.length], borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', color: '#334155' } }]
    });
    c.off('click');
    c.on('click', (p) => { state.category = state.category === keys[p.dataIndex] ? null : keys[p.dataIndex]; renderCategories(); renderTop(); });
  }

  function topCells() {
    return state.cells.filter((c) => !state.category || c.category === state.category)
      .slice().sort((a, b) => (b.reports - a.reports) || (b.observations - a.observations)
        || (Number(figure(b)) - Number(figure(a))))
      .slice(0, 12);
  }

  function renderTop() {
    const rows = topCells();
    const clear = $('clear-category');
    clear.hidden = !state.category;
    clear.textContent = state.category ? categoryName(state.category) + ' ×' : '';
    const tbody = document.querySelector('#top-metrics tbody');
    tbody.innerHTML = rows.map((c, i) => `
      <tr data-index="${i}" data-metric-key="${esc(c.metricKey || '')}" data-label="${esc(c.label || '')}"
          data-unit="${esc(c.unit)}" data-category="${esc(c.category)}" tabindex="0"
          class="${state.cell && sameCell(state.cell, c) ? 'selected' : ''}">
        <td><span class="metric">${esc(metricName(c))}</span>${c.metricKey ? '' : '<span class="tag">原文名称</span>'}</td>
        <td><span class="cat-dot" style="background:${PALETTE[Object.keys(L.categories).indexOf(c.category) % PALETTE.length]}"></span>${esc(categoryName(c.category))}</td>
        <td class="num total" title="${additive(c) ? '合计' : '均值（比率与时长不相加）'}">
          ${additive(c) ? '' : '<span class="muted">均值 </span>'}${esc(fmt(figure(c), c.unit))}${c.lowerBound ? '<span class="tag warn" title="部分数字为下限，如“50余件”">以上</span>' : ''}</td>
        <td class="num">${c.reports}</td>
        <td class="num">${c.observations}</td>
      </tr>`).join('') || '<tr><td colspan="5" class="muted">暂无数据</td></tr>';
    tbody.querySelectorAll('tr[data-index]').forEach((tr) => {
      const open = () => selectCell(rows[Number(tr.dataset.index)], true);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    });
  }
  const sameCell = (a, b) => a.metricKey === b.metricKey && a.label === b.label && a.unit === b.unit && a.category === b.category;

  async function selectCell(cell, drill) {
    state.cell = cell;
    renderTop();
    if (drill) openDrill(cell, { city: state.city, year: state.year });
    const name = metricName(cell) + '（' + (cell.unit === '%' ? '%' : cell.unit) + '）';
    $('compare-title').textContent = name;
    $('trend-title').textContent = name;
    await Promise.all([renderCompare(cell), renderTrend(cell)]);
  }

  async function renderCompare(cell) {
    const { body } = await api('/api/v1/rollups', Object.assign({ year: state.year, size: 1000 }, cellParams(cell)));
    const rows = body.slice().sort((a, b) => Number(figure(b)) - Number(figure(a))).slice(0, 15).reverse();
    if (!rows.length) return empty('chart-compare');
    const c = chart('chart-compare');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${esc(rows[p.dataIndex].city)}<br>${esc(fmt(p.value, cell.unit))}，${rows[p.dataIndex].reports} 份报告` },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { color: '#64748b' } },
      yAxis: { type: 'category', data: rows.map((r) => r.city), axisTick: { show: false },
        axisLine: { lineStyle: { color: '#cbd5e1' } }, axisLabel: { color: '#334155', fontSize: 13 } },
      series: [{ type: 'bar', barMaxWidth: 20,
        data: rows.map((r) => ({ value: Number(figure(r)), itemStyle: { color: r.city === state.city ? '#dc2626' : '#2563eb', borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', color: '#334155', formatter: (p) => fmt(p.value, cell.unit) } }]
    });
    c.off('click');
    c.on('click', (p) => openDrill(cell, { city: rows[p.dataIndex].city, year: state.year }));
  }

  async function renderTrend(cell) {
    const { body } = await api('/api/v1/rollups', Object.assign({ city: state.city, sort: 'year', size: 1000 }, cellParams(cell)));
    if (!body.length) return empty('chart-trend');
    const c = chart('chart-trend');
    c.clear();
    c.setOption({
      textStyle: baseText,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => `${ps[0].name}年<br>${esc(fmt(ps[0].value, cell.unit))}` },
      xAxis: { type: 'category', data: body.map((r) => String(r.year)), axisLabel: { color: '#334155' },
        axisLine: { lineStyle: { color: '#cbd5e1' } } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { color: '#64748b' } },
      series: [{ type: 'line', smooth: false, symbolSize: 9, data: body.map((r) => Number(figure(r))),
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
      xAxis: { type: 'value', max: Math.max(1, k.reports), splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { color: '#64748b' } },
      yAxis: { type: 'category', inverse: true, data: parts.map((p) => L.compliance[p]), axisTick: { show: false },
        axisLine: { lineStyle: { color: '#cbd5e1' } }, axisLabel: { color: '#334155', fontSize: 13 } },
      series: [{ type: 'bar', barMaxWidth: 18, showBackground: true, backgroundStyle: { color: '#f1f5f9', borderRadius: 4 },
        data: values.map((v, i) => ({ value: v, itemStyle: { borderRadius: 4,
          color: v === k.reports ? '#16a34a' : (i === 5 ? '#f59e0b' : '#2563eb') } })),
        label: { show: true, position: 'right', color: '#334155', formatter: (p) => `${p.value}/${k.reports}` } }]
    });
  }

  function renderCities() {
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

  // ------------------------------------------------------------------ drill-down
  async function openDrill(cell, where) {
    const params = Object.assign({ city: where.city, year: where.year, size: 100 }, cellParams(cell));
    $('drill-title').textContent = metricName(cell) + ' · ' + categoryName(cell.category);
    $('drill-subtitle').textContent = where.city + ' · ' + where.year + ' 年度 · 加载中…';
    $('drill-list').innerHTML = '';
    $('drill').classList.add('open');
    $('drill').setAttribute('aria-hidden', 'false');
    $('scrim').hidden = false;
    const { body, total } = await api('/api/v1/facts', params);
    const sum = body.reduce((s, f) => s + Number(f.value), 0);
    $('drill-subtitle').textContent = `${where.city} · ${where.year} 年度 · ${total} 条来源` +
      (cell.unit !== '%' && total === body.length ? ' · 合计 ' + fmt(sum, cell.unit) : '');
    $('drill-list').innerHTML = body.map((f) => `
      <li class="fact">
        <div class="fact-head"><span class="fact-value">${esc(fmt(f.value, f.unit))}${f.approx === 'more_than' ? '<span class="tag warn">以上</span>' : f.approx === 'about' ? '<span class="tag">约</span>' : ''}</span>
          <span class="fact-agency">${esc(f.agency || '未署名机构')}${f.district ? ' · ' + esc(f.district) : ''}</span></div>
        <p class="sentence">${highlight(f.sentence, f.surface)}</p>
        <div class="fact-meta">${esc(f.sectionHeading || '（正文开头）')} · <a href="/api/v1/facts/${encodeURIComponent(f.reportId)}" target="_blank" rel="noopener">报告全部指标</a></div>
      </li>`).join('') || '<li class="muted">没有来源句子</li>';
    $('drill-more').textContent = total > body.length ? `仅显示数值最大的 ${body.length} 条，共 ${total} 条。` : '';
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
    const params = new URLSearchParams({ city: state.city, year: state.year });
    history.replaceState(null, '', '?' + params);
    $('csv-link').href = '/api/v1/rollups?' + new URLSearchParams({ city: state.city, year: state.year, size: 1000, format: 'csv' });
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
    if (state.category && !body.some((c) => c.category === state.category)) state.category = null;
    renderCategories();
    renderCompliance(summary);
    renderCities();
    const keep = state.cell && body.find((c) => sameCell(c, state.cell));
    const first = keep || topCells()[0];
    if (first) {
      await selectCell(first, false);
    } else {
      renderTop();
      ['chart-compare', 'chart-trend'].forEach((id) => empty(id));
    }
    document.body.dataset.ready = 'true';
  }

  function onCity() {
    state.city = $('city').value;
    state.cell = null;
    state.category = null;
    fillYears();
    render();
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
    $('clear-category').addEventListener('click', () => { state.category = null; renderCategories(); renderTop(); });
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
