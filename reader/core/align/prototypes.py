"""Built-in topic prototypes for people's-congress work reports, used when no themes are given
(and to enrich themes whose keywords are few). Generic domain vocabulary only: no county, no
heading of any sample.

`rank` is the usual place of the topic in such a report (政治 → 立法/监督 → 决定任免 → 代表/民主 →
基层人大/自身建设); topics of equal rank may come in either order.

`own_row`: a topic that many codebooks leave out (立法, 民族团结, 乡镇街道人大). When the codebook has no theme
for it, it still stands as an anchor of its own, so that its sections are not forced into the nearest
theme (a 立法 section into 依法监督); with a theme for it, it only enriches that theme.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prototype:
    key: str
    label: str
    rank: int
    terms: tuple[tuple[str, float], ...]  # (term, weight)
    own_row: bool = False


def _terms(strong: str, medium: str, weak: str) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    for words, weight in ((strong, 1.0), (medium, 0.6), (weak, 0.3)):
        out += [(w, weight) for w in words.split()]
    return tuple(out)


PROTOTYPES: tuple[Prototype, ...] = (
    Prototype("politics", "党的领导与政治建设", 0, _terms(
        "党的领导 党的全面领导 政治建设 政治机关 两个维护 两个确立 四个意识 四个自信 政治站位 政治方向 "
        "请示报告 重大事项请示报告 党史学习教育 理论武装 忠诚 政治 党组 党史 党性",
        "理论学习 第一议题 主题教育 政治立场 政治原则 政治底色 党建 党建工作 机关党建 意识形态 党委 领导 "
        "思想 初心 使命 全面从严治党 党内政治生活 民主集中制 决策部署 三会一课",
        "学习 党风廉政建设 主体责任 一岗双责 廉洁 纪律 领航 方向 总揽全局 协调各方 习近平法治思想",
    )),
    Prototype("legislation", "立法", 1, _terms(
        "立法 地方立法 立法权 地方性法规 自治条例 单行条例 法规草案 立法调研 立法计划 立法项目 自治立法",
        "修订草案 修正草案 立法后评估 法规清理 立法质量 立法工作 良法善治 报请批准 批准施行 设区的市 征求意见 "
        "修改意见 草案",
        "条例 法规 修订 制定 颁布 实施 评估",
    ), own_row=True),
    Prototype("supervision", "依法监督", 1, _terms(
        "监督 依法监督 执法检查 专项工作报告 专题询问 审议 视察 权力机关 监督职责 监督权 刚性 法定职责 "
        "一府一委两院 一府两院 跟踪监督 满意度测评",
        "专题调研 调研 审议意见 听取审议 专项报告 工作评议 述职评议 预算审查 预算 预决算 决算 审计 "
        "审计查出问题 国有资产管理 计划执行 备案审查 规范性文件 法律监督 工作监督 专项监督 预算联网监督 "
        "执法 检查 法律法规 实施情况 中心大局 中心工作 大局 法定职权 依法履职 督办",
        "脱贫攻坚 乡村振兴 生态环境保护 环境保护 疫情防控 营商环境 高质量发展 经济运行 司法公正 公益诉讼 "
        "法治 整改 督查 实效 民生 法治建设 依法行政",
    )),
    Prototype("decisions", "重大事项决定与人事任免", 2, _terms(
        "重大事项决定权 重大事项决定 讨论决定 决定权 决议决定 人事任免 任免 任免权 选举任免 任免工作 宪法宣誓 "
        "任命 免去 任前法律知识考试 拟任命人员",
        "重大事项 决议 作出决定 国家机关工作人员 补选 辞职 选举 代表资格审查 党管干部 依法任免 拟任职人员 "
        "任前 供职报告 宣誓",
        "决定 人次 任职 批准 程序",
    )),
    Prototype("ethnic", "民族团结", 2, _terms(
        "民族团结 民族团结进步 铸牢中华民族共同体意识 中华民族共同体意识 中华民族共同体 民族区域自治 民族区域自治法 "
        "民族工作 民族政策 交往交流交融 民族团结进步示范 石榴籽 国家通用语言文字",
        "各民族 少数民族 民族地区 民族 民族宗教 宗教 共同团结奋斗 共同繁荣发展 创建 示范县 示范旗 示范村 "
        "民族文化 传统文化 双语",
        "团结 和谐 稳定 边疆 交流 文化 传承 保护",
    ), own_row=True),
    Prototype("deputies", "代表工作", 3, _terms(
        "代表 人大代表 代表工作 代表机关 代表作用 代表主体地位 主体作用 代表履职 代表联络站 联络站 "
        "代表之家 代表小组 建议办理 代表建议 议案 闭会期间 代表培训 履职培训",
        "履职 履职平台 代表活动 联系代表 双联系 代表述职 选民 议案建议 意见建议 建议 培训 学习培训 "
        "代表工作站 代表工作室 代表联络室 联系选民 履职档案 激励机制 列席 代表选举 特邀代表 办理 督办",
        "联系群众 服务 平台 述职 活动 阵地 走访 接待 履职能力",
    )),
    Prototype("democracy", "全过程人民民主", 3, _terms(
        "全过程人民民主 人民当家作主 当家作主 民主 基层民主 民主实践 协商民主 民意 票决制 代表票决制 "
        "民生实事项目票决制",
        "民生实事 民生实事项目 协商议事 民意征集 社情民意 民主决策 全过程 议事会 民主恳谈 "
        "为民 民声 民心 征求意见 意见征集 听证",
        "人民群众 群众 心声 诉求 急难愁盼 参与 基层",
    )),
    Prototype("grassroots", "乡镇街道人大工作", 4, _terms(
        "乡镇人大 街道人大 人大工委 街道人大工委 人大主席团 主席团 乡镇人大主席 人大主席 乡镇人代会 基层人大 "
        "乡镇人大工作 街道人大工作",
        "人代会 工委 规范化建设 联系指导 上下联动 议事会 居民议事",
        "街道 指导 经费 阵地 规范化 开好",
    ), own_row=True),
    Prototype("self", "自身建设", 4, _terms(
        "自身建设 工作机关 机关建设 制度建设 作风建设 队伍建设 组织建设 能力建设 作风 干部 人大干部 干部队伍 "
        "宣传工作 新闻宣传 人大宣传 宣传",
        "规章制度 制度 议事规则 理论研究 智慧人大 信息化 依法履职能力 履职能力 "
        "纪律建设 形式主义 官僚主义 八项规定 中央八项规定 廉洁自律 纪检监察 机关 从严 素质 本领 业务 "
        "守正创新 服务保障 档案 规范化",
        "廉洁 纪律 学习 培养 交流 锻炼 舆论 影响力 队伍 效能",
    )),
)


# The topics of a government work report (政府工作报告: the State Council's, a province's, a city's or
# a county's), as a thesaurus: the words that name each topic, general to the genre and to the years.
# They are not rows: rows of such reports come from the corpus (cluster.py); this only lets the engine
# see that different words name one topic (深化改革 and 扩大开放 are 改革开放), so that a topic worded
# differently by each report stays one row. `rank` is unused (no order prior).
GOVERNMENT: tuple[Prototype, ...] = (
    Prototype("gov-macro", "宏观政策", 0, _terms(
        "宏观调控 宏观政策 财政政策 货币政策 逆周期调节 跨周期调节 赤字率 专项债 专项债券 超长期特别国债 减税降费 "
        "稳增长 经济运行",
        "物价 通货膨胀 区间 赤字 国债 利率 信贷 融资 流动性 减税 取向 预期",
        "政策 财政 金融 资金 预算",
    )),
    Prototype("gov-demand", "扩大内需", 0, _terms(
        "扩大内需 内需 促消费 提振消费 以旧换新 有效投资 国内大循环 消费",
        "投资 重大项目 国内 市场 需求 升级 居民消费 商贸 流通 两重",
        "项目 基础设施",
    )),
    Prototype("gov-innovation", "科技创新", 0, _terms(
        "科技创新 创新驱动 新质生产力 科技自立自强 科教兴国 科技 创新 研发 科技成果 实验室",
        "人才 科技人才 高新技术 核心技术 研究 创新型 科研 高校 教育 转化",
        "技术 专利 孵化",
    )),
    Prototype("gov-industry", "现代化产业体系", 0, _terms(
        "现代化产业体系 实体经济 制造业 先进制造业 战略性新兴产业 未来产业 数字经济 产业",
        "工业 服务业 产业链 供应链 集群 专精特新 智能化 数字化 新兴产业 传统产业 人工智能 转型",
        "企业 园区 升级",
    )),
    Prototype("gov-reform", "改革开放", 0, _terms(
        "改革开放 改革 深化改革 体制改革 对外开放 扩大开放 开放 国有企业 国企改革 民营经济 营商环境",
        "民营企业 市场化 要素 统一大市场 产权 放管服 外资 外贸 自由贸易试验区 自由贸易 一带一路 进出口 "
        "招商引资 跨境 口岸 开放型",
        "市场 体制 机制 活力",
    )),
    Prototype("gov-rural", "三农与乡村振兴", 0, _terms(
        "三农 乡村振兴 乡村全面振兴 农业 农村 农民 粮食 粮食安全 耕地 高标准农田 脱贫 农牧业 畜牧业 牧区 农牧民",
        "脱贫攻坚 返贫 农民增收 种业 农产品 和美乡村 乡村 振兴 现代农业 牧业 农牧 养殖 种植 林业 渔业",
        "县域 村庄",
    )),
    Prototype("gov-region", "区域与城乡", 0, _terms(
        "区域协调发展 新型城镇化 城乡融合 城镇化 都市圈 城市群 城市更新 区域",
        "城乡 城市 一体化 布局 县域 交通 基础设施",
        "协调 融合",
    )),
    Prototype("gov-ecology", "生态环境", 0, _terms(
        "生态环境 生态 环境 污染防治 绿色 低碳 碳达峰 碳中和 节能减排 生态文明 生态文明建设 生态屏障 绿色转型",
        "节能 减排 环保 污染 蓝天 碧水 净土 美丽 绿色发展 环境保护",
        "治理 修复",
    )),
    Prototype("gov-culture", "文化", 0, _terms(
        "文化 文化产业 文旅 文旅融合 公共文化 文物 精神文明",
        "旅游 文艺 体育 文明",
        "传承 繁荣",
    )),
    Prototype("gov-livelihood", "民生与社会事业", 0, _terms(
        "民生 就业 社会保障 养老 养老服务 医疗 卫生 社会事业 托育 住房",
        "教育 收入 健康 低保 救助 公共服务 义务教育 社保 医保 生育 育儿 民生实事 群众",
        "服务 人民",
    )),
    Prototype("gov-security", "安全与社会治理", 0, _terms(
        "安全 安全生产 安全发展 防范化解 风险 社会治理 平安",
        "稳定 应急 防灾 减灾 信访 公共安全 治安 金融风险 债务 房地产 化解 底线",
        "防范 隐患",
    )),
    Prototype("gov-self", "政府自身建设", 0, _terms(
        "政府自身建设 自身建设 依法行政 法治政府 廉洁 廉政 作风 政务服务 服务型政府 过紧日子",
        "政务 效能 形式主义 官僚主义 执行力 担当 政府 履职 监督",
        "党风 纪律 法治",
    )),
)
