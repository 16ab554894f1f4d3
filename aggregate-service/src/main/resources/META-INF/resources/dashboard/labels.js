// Chinese names the dashboard shows beside the API's own: section categories (shared/taxonomy.md) and the five
// required parts of a report. Indicator names come from the API (indicatorName), whose owner is
// io.fazhi.contracts.Indicators.
window.FAZHI_LABELS = {
  categories: {
    government_functions: '政府职能', institutional_system: '制度体系', decision_making: '行政决策',
    law_enforcement: '行政执法', emergency_response: '突发事件应对', dispute_resolution: '矛盾纠纷化解',
    power_oversight: '权力制约监督', legal_capacity: '法治能力', digital_government: '数字法治政府',
    party_leadership: '党的领导', problems: '存在的不足', next_year_plans: '下一年度安排', other: '其他'
  },
  compliance: {
    measuresAndResults: '主要举措和成效', shortcomings: '存在的不足和原因', leadersDuties: '第一责任人履职',
    nextYearPlans: '下一年度主要安排', otherMatters: '其他需要报告的情况', publishedOnTime: '次年4月1日前公开'
  },
  cityLevel: '市直单位'
};
