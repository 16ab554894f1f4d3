// Chinese names of the taxonomy's section categories and canonical metric keys (shared/taxonomy.md).
window.FAZHI_LABELS = {
  categories: {
    government_functions: '政府职能', institutional_system: '制度体系', decision_making: '行政决策',
    law_enforcement: '行政执法', emergency_response: '突发事件应对', dispute_resolution: '矛盾纠纷化解',
    power_oversight: '权力制约监督', legal_capacity: '法治能力', digital_government: '数字法治政府',
    party_leadership: '党的领导', problems: '存在的不足', next_year_plans: '下一年度安排', other: '其他'
  },
  metrics: {
    admin_licensing: '行政许可', admin_penalties: '行政处罚', inspections: '行政检查', enforcement_cases: '执法案件',
    reconsideration_cases: '行政复议案件', litigation_cases: '行政诉讼案件', court_appearance_rate: '出庭应诉率',
    mediation_cases: '调解案件', complaints: '投诉举报', normative_documents: '规范性文件',
    legality_reviews: '合法性审查', info_disclosure_items: '主动公开信息', disclosure_requests: '依申请公开',
    gov_service_items: '政务服务事项', training_sessions: '学法培训场次', training_participants: '参训人数',
    exam_rates: '考试参考率', publicity_events: '普法宣传活动', publicity_materials: '宣传资料', funding: '资金',
    enterprises: '企业', projects: '项目', risk_points: '风险点', satisfaction_rate: '满意率',
    processing_days: '办理时限'
  },
  compliance: {
    measuresAndResults: '主要举措和成效', shortcomings: '存在的不足和原因', leadersDuties: '第一责任人履职',
    nextYearPlans: '下一年度主要安排', otherMatters: '其他需要报告的情况', publishedOnTime: '次年4月1日前公开'
  }
};
