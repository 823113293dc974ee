<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Choose a report or a section in the outline on the left.</source>
        <translation>请在左侧目录中选择一篇报告或一个章节。</translation>
    </message>
    <message>
        <source>Tag passage</source>
        <translation>标注段落</translation>
    </message>
    <message>
        <source>Delete passage</source>
        <translation>删除段落</translation>
    </message>
    <message>
        <source>Edit passage</source>
        <translation>编辑段落</translation>
    </message>
    <message>
        <source>Tag sections</source>
        <translation>整节标注</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>删除报告</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Filter by county, prefecture, year or file</source>
        <translation>按县区、地市、年份或文件名筛选</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Tick all listed</source>
        <translation>全选列出的</translation>
    </message>
    <message>
        <source>Untick all listed</source>
        <translation>全不选列出的</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tick the reports to show as columns; Up and Down change their order.</source>
        <translation>勾选要作为栏目显示的报告；“上移”“下移”调整顺序。</translation>
    </message>
    <message>
        <source>{n} of {total} reports shown.</source>
        <translation>显示 {total} 份报告中的 {n} 份。</translation>
    </message>
    <message>
        <source>Many columns: the view stays usable, but reading them side by side is hard.</source>
        <translation>栏目较多：视图仍可使用，但并排阅读会比较吃力。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Renda Reader projects</source>
        <translation>人大报告对读项目</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Reports and REFI-QDA files</source>
        <translation>报告与 REFI-QDA 文件</translation>
    </message>
    <message>
        <source>REFI-QDA projects and codebooks</source>
        <translation>REFI-QDA 项目与编码表</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>导入编码表</translation>
    </message>
    <message>
        <source>Codebooks</source>
        <translation>编码表</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>标注段落</translation>
    </message>
    <message>
        <source>Move the start by:</source>
        <translation>起点移动：</translation>
    </message>
    <message>
        <source>Move the end by:</source>
        <translation>终点移动：</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>Negative: earlier in the text; positive: later. The quote above follows.</source>
        <translation>负数向前，正数向后；上方的引文随之变化。</translation>
    </message>
    <message>
        <source>Your note on this passage</source>
        <translation>对这段文字的备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Tag sections by heading</source>
        <translation>按标题批量标注</translation>
    </message>
    <message>
        <source>e.g. 代表 监督 (any of the words)</source>
        <translation>例如：代表 监督（含任一词即可）</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Include subsections in each passage</source>
        <translation>每段包含其下的小节</translation>
    </message>
    <message>
        <source>Only in the report shown</source>
        <translation>仅限当前报告</translation>
    </message>
    <message>
        <source>Headings containing:</source>
        <translation>标题包含：</translation>
    </message>
    <message>
        <source>Tag with:</source>
        <translation>标注为：</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>All the passages are added as one step: Undo removes them together.</source>
        <translation>所有段落作为一步添加：撤销时一并移除。</translation>
    </message>
    <message>
        <source>Type a word of the headings to tag.</source>
        <translation>请输入要标注的章节标题中的词。</translation>
    </message>
    <message>
        <source>{n} sections match.</source>
        <translation>有 {n} 个章节符合。</translation>
    </message>
    <message>
        <source>{n} sections match; {inside} lie within another matching section and are tagged with it: {passages} passages.</source>
        <translation>{n} 个章节匹配；其中 {inside} 个在另一个匹配章节之内，随它一并标注：共 {passages} 段。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{key} (now: {theme})</source>
        <translation>{key}（当前：{theme}）</translation>
    </message>
    <message>
        <source>e.g. 代表联络站、代表之家</source>
        <translation>例如：代表联络站、代表之家</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>上级主题：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Shortcut key:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <source>Keywords are used for suggestions only: sentences that contain them are offered, never tagged by themselves.</source>
        <translation>关键词只用于建议：含有关键词的句子会被推荐，但不会自动标注。</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>标注人</translation>
    </message>
    <message>
        <source>Every passage you tag is stored under this name, so that a team&apos;s codings can be merged and compared. Set it once on each computer: it is kept on this computer, not in the project, so a copy sent to a teammate takes the teammate&apos;s own name.</source>
        <translation>您标注的每一段都记在这个名字下，这样团队各人的标注才能合并和比较。每台电脑设定一次即可：名字保存在本机而不在项目里，所以发给队友的项目副本会用队友自己的名字。</translation>
    </message>
    <message>
        <source>Your name as a coder:</source>
        <translation>您作为标注人的名字：</translation>
    </message>
    <message>
        <source>Coders of this project: {names}</source>
        <translation>本项目的标注人：{names}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Theme colour</source>
        <translation>主题颜色</translation>
    </message>
    <message>
        <source>Correct county</source>
        <translation>更正县区</translation>
    </message>
    <message>
        <source>Correct year</source>
        <translation>更正年份</translation>
    </message>
    <message>
        <source>Rename report</source>
        <translation>重命名报告</translation>
    </message>
    <message>
        <source>County, district or county-level city of this report, e.g. 离石区. Add its prefecture when the name is shared (南京市鼓楼区). Leave empty if it is not known.</source>
        <translation>这篇报告所属的县、区或县级市，例如 离石区。名称重复时请加上地市（南京市鼓楼区）。不知道可留空。</translation>
    </message>
    <message>
        <source>Year of the report (e.g. 2022); empty if not known.</source>
        <translation>报告年份（例如 2022），不知道可留空。</translation>
    </message>
    <message>
        <source>Title of the report:</source>
        <translation>报告标题：</translation>
    </message>
    <message>
        <source>The original text cannot be tagged: switch off View ▸ Show original text.</source>
        <translation>原文不能标注：请关闭 视图 ▸ 显示原文。</translation>
    </message>
    <message>
        <source>Select some text first, then choose a theme.</source>
        <translation>请先选中一段文字，再选择主题。</translation>
    </message>
    <message>
        <source>Only punctuation or blanks are selected: nothing to tag.</source>
        <translation>选中的只有标点或空白：没有可标注的文字。</translation>
    </message>
    <message>
        <source>Tagged as {themes}.</source>
        <translation>已标注为 {themes}。</translation>
    </message>
    <message>
        <source>No theme has the key {key} (set it in the theme editor).</source>
        <translation>没有主题使用快捷键 {key}（可在主题编辑中设置）。</translation>
    </message>
    <message>
        <source>Tag selection</source>
        <translation>标注选中文字</translation>
    </message>
    <message>
        <source>Tag the selected text as:</source>
        <translation>将选中的文字标注为：</translation>
    </message>
    <message>
        <source>Suggestion accepted: tagged as {theme}.</source>
        <translation>已采纳建议：标注为 {theme}。</translation>
    </message>
    <message>
        <source>Tag section</source>
        <translation>整节标注</translation>
    </message>
    <message>
        <source>Nothing to tag: those sections are already tagged so.</source>
        <translation>无需标注：这些章节已有相同的标注。</translation>
    </message>
    <message>
        <source>{n} sections tagged (one step: Undo removes them all).</source>
        <translation>已标注 {n} 个章节（一步完成：撤销会全部移除）。</translation>
    </message>
    <message>
        <source>Tagging sections</source>
        <translation>正在标注章节</translation>
    </message>
    <message>
        <source>Passage deleted (Ctrl+Z brings it back).</source>
        <translation>段落已删除（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>新建主题</translation>
    </message>
    <message>
        <source>New subtheme</source>
        <translation>新建子主题</translation>
    </message>
    <message>
        <source>Add theme</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>Edit theme</source>
        <translation>编辑主题</translation>
    </message>
    <message>
        <source>Merge theme</source>
        <translation>合并主题</translation>
    </message>
    <message>
        <source>Merge “{name}” into which theme? Its passages and subthemes move there, and “{name}” is removed.</source>
        <translation>把“{name}”合并到哪个主题？它的段落和子主题将移到那里，“{name}”随后删除。</translation>
    </message>
    <message>
        <source>Merge themes</source>
        <translation>合并主题</translation>
    </message>
    <message>
        <source>Delete theme</source>
        <translation>删除主题</translation>
    </message>
    <message>
        <source>Delete the theme “{name}” and its subthemes?</source>
        <translation>删除主题“{name}”及其子主题？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{n} passages lose this tag; the passages themselves stay. Undo (Ctrl+Z) restores it all.</source>
        <translation>{n} 个段落将失去这个标注，段落本身保留。撤销（Ctrl+Z）可全部恢复。</translation>
    </message>
    <message>
        <source>Move theme</source>
        <translation>移动主题</translation>
    </message>
    <message>
        <source>Delete the report “{title}”?</source>
        <translation>删除报告“{title}”？</translation>
    </message>
    <message>
        <source>Its {n} tagged passages are deleted with it. Undo (Ctrl+Z) brings everything back.</source>
        <translation>其中 {n} 个已标注段落将一并删除。撤销（Ctrl+Z）可全部恢复。</translation>
    </message>
    <message>
        <source>Report deleted (Ctrl+Z brings it back).</source>
        <translation>报告已删除（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Internal error: {name}: {message} (a fault in the program; your work is saved).</source>
        <translation>内部错误：{name}: {message}（这是程序的问题；您的工作已保存）。</translation>
    </message>
    <message>
        <source>Renda Reader</source>
        <translation>人大报告对读</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>{n} 处匹配</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Find in this text</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一处（回车）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>标注(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import a code&amp;book…</source>
        <translation>导入编码表(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Merge a project…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the &amp;codebook…</source>
        <translation>导出编码表(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find in text…</source>
        <translation>在文中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search the project…</source>
        <translation>搜索项目(&amp;S)…</translation>
    </message>
    <message>
        <source>Co&amp;der…</source>
        <translation>标注人(&amp;D)…</translation>
    </message>
    <message>
        <source>Theme &amp;matrix</source>
        <translation>主题矩阵(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Comparison view</source>
        <translation>对比视图(&amp;C)</translation>
    </message>
    <message>
        <source>Coder &amp;agreement</source>
        <translation>编码一致性(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;original text</source>
        <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
        <source>Lar&amp;ger text</source>
        <translation>放大文字(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>Tag selection &amp;as…</source>
        <translation>标注选中文字为(&amp;A)…</translation>
    </message>
    <message>
        <source>Tag sections by &amp;heading…</source>
        <translation>按标题批量标注(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;New theme…</source>
        <translation>新建主题(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>欢迎(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About Renda Reader</source>
        <translation>关于人大报告对读(&amp;A)</translation>
    </message>
    <message>
        <source>Recent &amp;projects</source>
        <translation>最近的项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Tag selection &amp;with</source>
        <translation>标注为(&amp;W)</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Themes and passages</source>
        <translation>主题与段落</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Theme matrix</source>
        <translation>主题矩阵</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>改了名</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>换了位置</translation>
    </message>
    <message>
        <source>renamed and moved</source>
        <translation>改了名并换了位置</translation>
    </message>
    <message>
        <source>Merge a project</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <source>From {name}: {passages} new passage(s) ({coders}); {already} already in this project; {themes} new theme(s).</source>
        <translation>来自 {name}：新标注 {passages} 段（{coders}）；{already} 段已在本项目中；新主题 {themes} 个。</translation>
    </message>
    <message>
        <source>Teammate&apos;s theme</source>
        <translation>队友的主题</translation>
    </message>
    <message>
        <source>Seems to be</source>
        <translation>像是本项目的</translation>
    </message>
    <message>
        <source>Merge it</source>
        <translation>合并为</translation>
    </message>
    <message>
        <source>onto {theme}</source>
        <translation>并入“{theme}”</translation>
    </message>
    <message>
        <source>as a new theme</source>
        <translation>作为新主题加入</translation>
    </message>
    <message>
        <source>Themes the teammate renamed or moved</source>
        <translation>队友改了名或换了位置的主题</translation>
    </message>
    <message>
        <source>Choose where each one goes before the merge. The choice is remembered for the next copy of this teammate.</source>
        <translation>合并之前请为每个主题选定去处。选择会被记住，下次合并这位队友的副本时不再询问。</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reports only the copy has</source>
        <translation>只在副本中的报告</translation>
    </message>
    <message>
        <source>Ticked reports are imported with their passages; the others are left out.</source>
        <translation>勾选的报告连同其标注一并导入；未勾选的不导入。</translation>
    </message>
    <message>
        <source>{n} report(s) of the copy have a text that differs from ours (cleaned by other rules?): their passages are left out.</source>
        <translation>副本中有 {n} 篇报告的文字与本项目的不同（清理规则不同？），其标注不合并。</translation>
    </message>
    <message>
        <source>The project is backed up first. The merge is not on the Undo list: to take it back, restore that backup (File ▸ Restore…).</source>
        <translation>合并前会先备份项目。合并不能用“撤销”取消：要退回，请恢复那份备份（文件 ▸ 恢复…）。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Search the project (Ctrl+Shift+F)</source>
        <translation>搜索项目（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>1 county</source>
        <translation>1 个县区</translation>
    </message>
    <message>
        <source>{n} counties</source>
        <translation>{n} 个县区</translation>
    </message>
    <message>
        <source>1 report</source>
        <translation>1 篇报告</translation>
    </message>
    <message>
        <source>{n} reports</source>
        <translation>{n} 篇报告</translation>
    </message>
    <message>
        <source>1 tagged passage</source>
        <translation>1 段标注</translation>
    </message>
    <message>
        <source>{n} tagged passages</source>
        <translation>{n} 段标注</translation>
    </message>
    <message>
        <source>This project has not been aligned yet. Re-align (F5) lines up the sections of its reports.</source>
        <translation>这个项目还没有对齐。“重新对齐”（F5）会把各报告的章节按主题排成行。</translation>
    </message>
    <message>
        <source>No reports to compare: import reports, or choose others (Reports…).</source>
        <translation>没有可对比的报告：请先导入报告，或另选报告（“选择报告…”）。</translation>
    </message>
    <message>
        <source>{n} reports aligned, {shown} shown · {rows} rows · {k} corrections</source>
        <translation>已对齐 {n} 份报告，显示 {shown} 份 · {rows} 行 · {k} 处更正</translation>
    </message>
    <message>
        <source>A correction was taken back, so the rows may not follow from your corrections any more. Re-align (F5) to refresh them; nothing else is lost.</source>
        <translation>撤回了一处更正，现在的各行可能与您的更正不再一致。请“重新对齐”（F5）刷新；其他内容不会丢失。</translation>
    </message>
    <message>
        <source>Comparison view</source>
        <translation>对比视图</translation>
    </message>
    <message>
        <source>Re-align</source>
        <translation>重新对齐</translation>
    </message>
    <message>
        <source>Align the reports again (your corrections are kept) (F5)</source>
        <translation>重新对齐报告（保留您的更正）（F5）</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>选择报告…</translation>
    </message>
    <message>
        <source>Choose the reports to align: counties, prefecture, years</source>
        <translation>选择要对齐的报告：县区、地市、年份</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>栏目…</translation>
    </message>
    <message>
        <source>Choose which reports are shown as columns, and their order</source>
        <translation>选择哪些报告作为栏目显示，以及它们的顺序</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Column width:</source>
        <translation>栏宽：</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>紧凑</translation>
    </message>
    <message>
        <source>Show each cell&apos;s heading and first lines, so that many more reports fit (Space or a click on its last line shows all of a cell) (Ctrl+K)</source>
        <translation>每个单元格只显示标题和开头几行，以便并排容纳更多报告（按空格键或点击其末行可展开全文）（Ctrl+K）</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>按主题</translation>
    </message>
    <message>
        <source>Read one row in every report, one under another, by prefecture and year (Ctrl+R)</source>
        <translation>逐份报告上下排列阅读同一行，可按地市和年份筛选（Ctrl+R）</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>侧栏</translation>
    </message>
    <message>
        <source>Show or hide the side panel: legend and shared phrases (F9)</source>
        <translation>显示或隐藏侧栏：图例与共用短语（F9）</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Phrases and legend</source>
        <translation>短语与图例</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销(&amp;U) {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做(&amp;R) {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Included with the theme above it.</source>
        <translation>已随上级主题一并选中。</translation>
    </message>
    <message>
        <source>Counties</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>Filter counties</source>
        <translation>筛选县区</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>地市</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Characters covered</source>
        <translation>覆盖字数</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>1 row × {themes} themes. Click a cell to list its passages.</source>
        <translation>1 行 × {themes} 个主题。点击单元格可列出其中的段落。</translation>
    </message>
    <message>
        <source>{rows} rows × {themes} themes. Click a cell to list its passages.</source>
        <translation>{rows} 行 × {themes} 个主题。点击单元格可列出其中的段落。</translation>
    </message>
    <message>
        <source>No tagged passages yet: tag some text to fill the matrix.</source>
        <translation>还没有标注的段落：标注一些文字后矩阵就会有内容。</translation>
    </message>
    <message>
        <source>{cell}: {n} passages (click one to open it)</source>
        <translation>{cell}：{n} 个段落（点击即可打开）</translation>
    </message>
    <message>
        <source>Click a cell to list its passages here.</source>
        <translation>点击左侧单元格，在这里列出其中的段落。</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <source>Open the first use in {county} ({year})</source>
        <translation>打开{county}首次使用处（{year}年）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>首次年份</translation>
    </message>
    <message>
        <source>Province and prefecture</source>
        <translation>省、地市</translation>
    </message>
    <message>
        <source>Uses in that report</source>
        <translation>该报告中次数</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>{row} × {theme}: {count} passages, {chars} characters</source>
        <translation>{row} × {theme}：{count} 个段落，{chars} 字</translation>
    </message>
    <message>
        <source>(year unknown)</source>
        <translation>（年份未识别）</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>{place}: {units} reports, {passages} tagged passages</source>
        <translation>{place}：{units} 篇报告，{passages} 段标注</translation>
    </message>
    <message>
        <source>{title}
File: {source}
{passages} tagged passages</source>
        <translation>{title}
文件：{source}
{passages} 段标注</translation>
    </message>
    <message>
        <source>{passages} tagged passages</source>
        <translation>{passages} 段标注</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>摘录</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>✓ Accept</source>
        <translation>✓ 采纳</translation>
    </message>
    <message>
        <source>Tag this sentence with {theme}</source>
        <translation>将这句话标注为 {theme}</translation>
    </message>
    <message>
        <source>Keywords found: {words}</source>
        <translation>找到的关键词：{words}</translation>
    </message>
    <message>
        <source>Type a phrase or choose a theme, then Show.</source>
        <translation>输入词语或选择主题，然后点“显示”。</translation>
    </message>
    <message>
        <source>first use</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>using it that year</source>
        <translation>当年使用</translation>
    </message>
    <message>
        <source>used by then</source>
        <translation>累计使用</translation>
    </message>
    <message>
        <source>Counting “{q}”…</source>
        <translation>正在统计“{q}”…</translation>
    </message>
    <message>
        <source>When did counties start using a phrase or a theme? Type a phrase or choose a theme, then Show.</source>
        <translation>各县区从哪一年开始使用某个词语或主题？输入词语或选择主题，然后点“显示”。</translation>
    </message>
    <message>
        <source>“{q}”: used by {counties} counties in {reports} reports.</source>
        <translation>“{q}”：{counties} 个县区的 {reports} 篇报告使用。</translation>
    </message>
    <message>
        <source>Not counted: {undated} report(s) without a year, {unplaced} without a county.</source>
        <translation>未计入：{undated} 篇报告没有年份，{unplaced} 篇没有县区。</translation>
    </message>
    <message>
        <source>Click a county to open its first use.</source>
        <translation>点击县区可打开其首次使用处。</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>A phrase, e.g. 代表联络站</source>
        <translation>词语，例如 代表联络站</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <source>Di&amp;ffusion</source>
        <translation>扩散(&amp;F)</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>{n} passages ({direct} tagged with this theme itself)</source>
        <translation>{n} 个段落（其中 {direct} 个直接标注为本主题）</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>快捷键：{key}</translation>
    </message>
    <message>
        <source>Keywords: {words}</source>
        <translation>关键词：{words}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Correct county…</source>
        <translation>更正县区…</translation>
    </message>
    <message>
        <source>Correct year…</source>
        <translation>更正年份…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Tag sections by heading…</source>
        <translation>按标题批量标注…</translation>
    </message>
    <message>
        <source>Delete report…</source>
        <translation>删除报告…</translation>
    </message>
    <message>
        <source>Tag whole section as</source>
        <translation>整节标注为</translation>
    </message>
    <message>
        <source>Tag section with its subsections as</source>
        <translation>整节（含小节）标注为</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Filter: place, title, year or heading</source>
        <translation>筛选：地名、标题、年份或章节标题</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>{scope}: {n} passages</source>
        <translation>{scope}：{n} 个段落</translation>
    </message>
    <message>
        <source>{scope}: {n} passage</source>
        <translation>{scope}：{n} 个段落</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>整个项目</translation>
    </message>
    <message>
        <source>Open in its context</source>
        <translation>在原文中打开</translation>
    </message>
    <message>
        <source>Show only passages of this theme (with its subthemes)</source>
        <translation>只显示这个主题（含子主题）的段落</translation>
    </message>
    <message>
        <source>Double-click a passage to open it in its context</source>
        <translation>双击段落可在原文中打开</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>无备注</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Open another project</source>
        <translation>打开其他项目</translation>
    </message>
    <message>
        <source>“{task}” is still running in {project}. Stop it and open {other}?</source>
        <translation>“{task}”仍在 {project} 中进行。要停止它并打开 {other} 吗？</translation>
    </message>
    <message>
        <source>Stop and open</source>
        <translation>停止并打开</translation>
    </message>
    <message>
        <source>Nothing is lost: what an import has brought in stays, and an export or an alignment that is stopped leaves the old file or rows as they were.</source>
        <translation>不会丢失任何内容：已导入的文件保留；停止的导出或对齐会保持原来的文件或对齐结果不变。</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing documents</source>
        <translation>正在导入文档</translation>
    </message>
    <message>
        <source>{files} files imported ({units} reports); {dups} already in the project; {failed} failed.</source>
        <translation>导入了 {files} 个文件（{units} 篇报告）；{dups} 个已在项目中；{failed} 个失败。</translation>
    </message>
    <message>
        <source>From REFI-QDA: {added} themes added, {kept} already there; {passages} passages.</source>
        <translation>来自 REFI-QDA：新增 {added} 个主题，已有 {kept} 个；标注 {passages} 段。</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Not taken from the REFI-QDA files:</source>
        <translation>REFI-QDA 文件中未导入的内容：</translation>
    </message>
    <message>
        <source>Open a county, then a report or one of its sections, to read it.</source>
        <translation>打开一个县区，再选择一篇报告或其中的章节即可阅读。</translation>
    </message>
    <message>
        <source>The report was deleted.</source>
        <translation>这篇报告已被删除。</translation>
    </message>
    <message>
        <source>(original text, before cleaning)</source>
        <translation>（原文，清理之前）</translation>
    </message>
    <message>
        <source>This section</source>
        <translation>本节</translation>
    </message>
    <message>
        <source>This report</source>
        <translation>本报告</translation>
    </message>
    <message>
        <source>Listing passages</source>
        <translation>正在列出段落</translation>
    </message>
    <message>
        <source>Reading the comparison…</source>
        <translation>正在读取对比结果…</translation>
    </message>
    <message>
        <source>Reading the comparison</source>
        <translation>读取对比结果</translation>
    </message>
    <message>
        <source>Aligning the sections of the reports…</source>
        <translation>正在对齐各报告的章节…</translation>
    </message>
    <message>
        <source>Aligning sections</source>
        <translation>对齐章节</translation>
    </message>
    <message>
        <source>Aligned: {rows} rows.</source>
        <translation>对齐完成：{rows} 行。</translation>
    </message>
    <message>
        <source>Finding shared phrases</source>
        <translation>查找共用短语</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>正在搜索</translation>
    </message>
    <message>
        <source>Select some text in a cell first, then press a theme&apos;s key.</source>
        <translation>请先在栏目中选中文字，再按主题的快捷键。</translation>
    </message>
    <message>
        <source>{action} (Ctrl+Z takes it back).</source>
        <translation>{action}（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动章节</translation>
    </message>
    <message>
        <source>Not a match</source>
        <translation>标为不匹配</translation>
    </message>
    <message>
        <source>Split into a new row</source>
        <translation>拆分为新行</translation>
    </message>
    <message>
        <source>Rename row</source>
        <translation>重命名行</translation>
    </message>
    <message>
        <source>Merge rows</source>
        <translation>合并行</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>正在统计</translation>
    </message>
    <message>
        <source>About Renda Reader</source>
        <translation>关于人大报告对读</translation>
    </message>
    <message>
        <source>Renda Reader {version}
Read, tag and compare the work reports of county people&apos;s congresses.</source>
        <translation>人大报告对读 {version}
阅读、标注、对比县级人大常委会工作报告。</translation>
    </message>
    <message>
        <source>Searching for “{q}”…</source>
        <translation>正在搜索“{q}”…</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+Shift+F) and press Enter.</source>
        <translation>在搜索框（Ctrl+Shift+F）中输入后按回车。</translation>
    </message>
    <message>
        <source>“{q}” was not found in this project.</source>
        <translation>项目中没有找到“{q}”。</translation>
    </message>
    <message>
        <source>“{q}”: {total} occurrences; the first {shown} are listed.</source>
        <translation>“{q}”：共 {total} 处，列出前 {shown} 处。</translation>
    </message>
    <message>
        <source>“{q}”: {total} occurrences.</source>
        <translation>“{q}”：共 {total} 处。</translation>
    </message>
    <message>
        <source>“{q}”: 1 occurrence.</source>
        <translation>“{q}”：共 1 处。</translation>
    </message>
    <message>
        <source>{n} sentences here name a theme&apos;s keywords. Nothing is tagged until you accept.</source>
        <translation>这里有 {n} 句话含有主题关键词。只有您采纳后才会标注。</translation>
    </message>
    <message>
        <source>No suggestions for this text (themes&apos; keywords are set in the theme editor).</source>
        <translation>这段文字没有建议（主题关键词可在主题编辑中设置）。</translation>
    </message>
    <message>
        <source>Damaged text: characters were lost when the report was copied</source>
        <translation>文字受损：复制报告时有字符丢失</translation>
    </message>
    <message>
        <source>OCR was unsure of this character: compare it with the page image</source>
        <translation>文字识别对这个字没有把握：请对照页面图像核对</translation>
    </message>
    <message>
        <source>Correct this OCR line…</source>
        <translation>更正识别的这一行…</translation>
    </message>
    <message>
        <source>reused {share}%</source>
        <translation>复用 {share}%</translation>
    </message>
    <message>
        <source>{n} sections in {k} of the reports shown</source>
        <translation>所显示报告中有 {k} 份、共 {n} 节</translation>
    </message>
    <message>
        <source>{n} rows inside</source>
        <translation>内含 {n} 行</translation>
    </message>
    <message>
        <source>another genre</source>
        <translation>其他文体</translation>
    </message>
    <message>
        <source>— no section here —</source>
        <translation>— 无对应章节 —</translation>
    </message>
    <message>
        <source>▾ all of it ({n} characters)</source>
        <translation>▾ 展开全文（{n} 字）</translation>
    </message>
    <message>
        <source>{n} more sections</source>
        <translation>另有 {n} 节</translation>
    </message>
    <message>
        <source>▴ fold</source>
        <translation>▴ 收起</translation>
    </message>
    <message>
        <source>Close: hide the rows inside (-)</source>
        <translation>收起：隐藏其中各行（-）</translation>
    </message>
    <message>
        <source>Open: show the {n} rows inside (+)</source>
        <translation>展开：显示其中 {n} 行（+）</translation>
    </message>
    <message>
        <source>Show all of this cell, or fold it again (Space)</source>
        <translation>展开此单元格全文，或再次收起（空格键）</translation>
    </message>
    <message>
        <source>Drag onto another row to move this section there.</source>
        <translation>拖到另一行即可把这一节移过去。</translation>
    </message>
    <message>
        <source>Shared phrase “{phrase}”: {counties} (click: where else it occurs)</source>
        <translation>共用短语“{phrase}”：{counties}（点击查看它在项目中的所有出处）</translation>
    </message>
    <message>
        <source>Reused passage ({n} characters, {identity}% the same) also in {where} (click to follow)</source>
        <translation>复用段落（{n} 字，{identity}% 相同），另见于 {where}（点击跳转）</translation>
    </message>
    <message>
        <source>Tagged: {themes}</source>
        <translation>已标注：{themes}</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>标注为</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Open in the reading window</source>
        <translation>在阅读窗口中打开</translation>
    </message>
    <message>
        <source>Fold this cell</source>
        <translation>收起此单元格</translation>
    </message>
    <message>
        <source>Show all of this cell</source>
        <translation>展开此单元格全文</translation>
    </message>
    <message>
        <source>Move to row</source>
        <translation>移到行</translation>
    </message>
    <message>
        <source>Not a match for this row</source>
        <translation>不属于此行</translation>
    </message>
    <message>
        <source>Split into a new row…</source>
        <translation>拆分为新行…</translation>
    </message>
    <message>
        <source>Read this row in every report</source>
        <translation>逐份报告阅读此行</translation>
    </message>
    <message>
        <source>Close its rows</source>
        <translation>收起其中各行</translation>
    </message>
    <message>
        <source>Open its {n} rows</source>
        <translation>展开其中 {n} 行</translation>
    </message>
    <message>
        <source>Show all of every cell in this row</source>
        <translation>展开此行所有单元格</translation>
    </message>
    <message>
        <source>Rename row…</source>
        <translation>重命名行…</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Edit passage…</source>
        <translation>编辑段落…</translation>
    </message>
    <message>
        <source>1. Import reports</source>
        <translation>1. 导入报告</translation>
    </message>
    <message>
        <source>Word, PDF, saved web pages or text in any Chinese encoding. Each report&apos;s county, year and sections are found for you. Start a project of your own with {new} first.</source>
        <translation>Word、PDF、保存的网页或任何中文编码的文本。程序会自动识别每篇报告的县区、年份和章节。建议先用 {new} 新建自己的项目。</translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation>导入文档…</translation>
    </message>
    <message>
        <source>2. Tag passages</source>
        <translation>2. 标注段落</translation>
    </message>
    <message>
        <source>Open a section in the outline, select a passage and press a theme&apos;s key 1–9, or use {path}. The codebook on the right holds the themes; add your own.</source>
        <translation>在左侧目录中打开一个章节，选中一段文字，按主题的数字键 1–9，或用 {path}。右侧的编码表列出主题，也可以添加自己的主题。</translation>
    </message>
    <message>
        <source>New theme…</source>
        <translation>新建主题…</translation>
    </message>
    <message>
        <source>3. Compare counties</source>
        <translation>3. 对比县区</translation>
    </message>
    <message>
        <source>The reports side by side, sections about the same work in one row, shared stock phrases shaded.</source>
        <translation>各县报告并排显示，讲同一项工作的章节排在同一行，共用的套话以灰色标出。</translation>
    </message>
    <message>
        <source>4. Export</source>
        <translation>4. 导出</translation>
    </message>
    <message>
        <source>Tagged passages to Excel, Word, CSV, Markdown, HTML, JSON, or REFI-QDA for MAXQDA, ATLAS.ti, NVivo and QualCoder.</source>
        <translation>把标注的段落导出为 Excel、Word、CSV、Markdown、HTML、JSON，或 REFI-QDA（MAXQDA、ATLAS.ti、NVivo、QualCoder）。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Welcome to Renda Reader</source>
        <translation>欢迎使用人大报告对读</translation>
    </message>
    <message>
        <source>Renda Reader reads, tags and compares the work reports of county people&apos;s congresses. The first time, it opens a demo project of sample reports: try everything on it. What to do first:</source>
        <translation>人大报告对读用来阅读、标注和对比县级人大常委会的工作报告。第一次启动时打开的是样例项目，可以放心在上面尝试各项功能。先做这几步：</translation>
    </message>
    <message>
        <source>{guide} explains everything, with pictures; {welcome} shows this again.</source>
        <translation>{guide} 有图文并茂的完整说明；{welcome} 可以再次打开本页。</translation>
    </message>
    <message>
        <source>Don&apos;t show this at start again</source>
        <translation>启动时不再显示</translation>
    </message>
    <message>
        <source>New subtheme…</source>
        <translation>新建子主题…</translation>
    </message>
    <message>
        <source>Edit theme…</source>
        <translation>编辑主题…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Make top-level</source>
        <translation>移到顶层</translation>
    </message>
    <message>
        <source>Delete theme…</source>
        <translation>删除主题…</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>编码表</translation>
    </message>
    <message>
        <source>Edit the theme: name, colour, shortcut, keywords</source>
        <translation>编辑主题：名称、颜色、快捷键、关键词</translation>
    </message>
    <message>
        <source>Merge the theme into another</source>
        <translation>把主题合并到另一个主题</translation>
    </message>
    <message>
        <source>Delete the theme</source>
        <translation>删除主题</translation>
    </message>
    <message>
        <source>Select text, then click a theme (or press its key 1–9) to tag it. Drag a theme onto another to move it.</source>
        <translation>选中文字后点击主题（或按其快捷键 1–9）即可标注。把主题拖到另一个主题上可移动它。</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>By prefecture</source>
        <translation>按地市</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>按年份</translation>
    </message>
    <message>
        <source>year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source>Other (not aligned)</source>
        <translation>其他（未对齐）</translation>
    </message>
    <message>
        <source>prefecture unknown</source>
        <translation>地市不详</translation>
    </message>
    <message>
        <source>Another genre: the codebook does not fit this report, so its rows come from its text.</source>
        <translation>其他文体：编码表不适用于这份报告，其分行来自报告文本本身。</translation>
    </message>
    <message>
        <source>placed here by you</source>
        <translation>由您放在这里</translation>
    </message>
    <message>
        <source>moved here</source>
        <translation>已移到这里</translation>
    </message>
    <message>
        <source>score {score:.2f}</source>
        <translation>相似度 {score:.2f}</translation>
    </message>
    <message>
        <source>shared terms: {terms}</source>
        <translation>共同词语：{terms}</translation>
    </message>
    <message>
        <source>{label}: {n} sections of {k} reports</source>
        <translation>{label}：{k} 份报告的 {n} 节</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 节</translation>
    </message>
    <message>
        <source>{phrase}  ·  {n} counties</source>
        <translation>{phrase}  ·  {n} 个县区</translation>
    </message>
    <message>
        <source>Shared phrases of the row at the top appear here.</source>
        <translation>这里列出顶部那一行的共用短语。</translation>
    </message>
    <message>
        <source>Shared phrases in “{row}”: finding them…</source>
        <translation>“{row}”的共用短语：正在查找…</translation>
    </message>
    <message>
        <source>Shared phrases in “{row}” ({n}), among {k} reports:</source>
        <translation>“{row}”的共用短语（{n} 个，限于 {k} 份报告）：</translation>
    </message>
    <message>
        <source>Shared phrases in “{row}” ({n}), among the columns shown:</source>
        <translation>“{row}”的共用短语（{n} 个，限于所显示的栏目）：</translation>
    </message>
    <message>
        <source>Finding “{phrase}” in the project…</source>
        <translation>正在项目中查找“{phrase}”…</translation>
    </message>
    <message>
        <source>Click a shared phrase (in a cell or above) to list everywhere it occurs.</source>
        <translation>点击共用短语（栏目中或上方列表中）即可列出它在项目中的所有出处。</translation>
    </message>
    <message>
        <source>“{phrase}” occurs {total} times in the project (first {n} listed; click one to read it in context):</source>
        <translation>“{phrase}”在项目中出现 {total} 次（列出前 {n} 处；点击一处可查看上下文）：</translation>
    </message>
    <message>
        <source>“{phrase}” occurs {total} times in the project (click one to read it in context):</source>
        <translation>“{phrase}”在项目中出现 {total} 次（点击一处可查看上下文）：</translation>
    </message>
    <message>
        <source>Shared phrase: the same wording in two or more counties (4+ characters)</source>
        <translation>共用短语：两个及以上县区用词相同（4 字以上）</translation>
    </message>
    <message>
        <source>Reused passage: a longer stretch of text shared with another column (hover or click to see it)</source>
        <translation>复用段落：与另一栏相同的较长文字（悬停或点击可查看）</translation>
    </message>
    <message>
        <source>Tagged passage, in its theme&apos;s colour</source>
        <translation>已标注的段落，显示为主题颜色</translation>
    </message>
    <message>
        <source>Drag a section by its dots onto another row to move it there</source>
        <translation>按住章节旁的圆点拖到另一行，即可移动该节</translation>
    </message>
    <message>
        <source>Reports to compare</source>
        <translation>选择对比的报告</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>all; or e.g. {span}, or 2021、2022</source>
        <translation>全部；或如 {span}，或 2021、2022</translation>
    </message>
    <message>
        <source>Counties:</source>
        <translation>县区：</translation>
    </message>
    <message>
        <source>{n} reports have a section in this row</source>
        <translation>共 {n} 份报告在此行有对应章节</translation>
    </message>
    <message>
        <source>{n} of the {total} reports with a section in this row</source>
        <translation>在此行有对应章节的 {total} 份报告中的 {n} 份</translation>
    </message>
    <message>
        <source>All prefectures</source>
        <translation>全部地市</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Prefecture:</source>
        <translation>地市：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>No county ticked: all of them.</source>
        <translation>不勾选县区即全部。</translation>
    </message>
    <message>
        <source>The chosen reports are aligned again; your corrections are kept.</source>
        <translation>将重新对齐所选报告；您的更正会保留。</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>New label for the row (kept when you re-align):</source>
        <translation>这一行的新名称（重新对齐后保留）：</translation>
    </message>
    <message>
        <source>The section leaves its row for a new row of its own. Label of the new row:</source>
        <translation>这一节将离开原来的行，单独成为新的一行。新行的名称：</translation>
    </message>
    <message>
        <source>{project}-passages</source>
        <translation>{project}-标注摘录</translation>
    </message>
    <message>
        <source>{project}-codebook</source>
        <translation>{project}-编码表</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Which passages</source>
        <translation>导出哪些段落</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>LF: ATLAS.ti, QualCoder</source>
        <translation>LF（适用于 ATLAS.ti、QualCoder）</translation>
    </message>
    <message>
        <source>CRLF: MAXQDA</source>
        <translation>CRLF（适用于 MAXQDA）</translation>
    </message>
    <message>
        <source>Line endings:</source>
        <translation>换行符：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Nothing ticked in a list means all of it. A ticked theme includes its subthemes.</source>
        <translation>某一栏不勾选即为全部。勾选的主题包括其子主题。</translation>
    </message>
    <message>
        <source>Only the passages of {names}, the coders shown in the window (View ▸ Show coders).</source>
        <translation>只导出 {names} 的标注，即窗口中显示的标注人（视图 ▸ 显示标注人）。</translation>
    </message>
    <message>
        <source>Passages in reports whose county is not known ({n}) are listed under “{name}” in the counties.</source>
        <translation>县区未识别的报告中有 {n} 段：在县区表中列为“{name}”，可单独勾选。</translation>
    </message>
    <message>
        <source>Passages to export: {n}</source>
        <translation>将导出 {n} 段。</translation>
    </message>
    <message>
        <source>The codebook alone: every theme is written, so the lists do not apply.</source>
        <translation>只导出编码表：写入全部主题，以下选择不适用。</translation>
    </message>
    <message>
        <source>The codebook will be exported: {n} themes.</source>
        <translation>将导出编码表：{n} 个主题。</translation>
    </message>
    <message>
        <source>The codebook is empty: there is nothing to export.</source>
        <translation>编码表是空的，没有可导出的内容。</translation>
    </message>
    <message>
        <source>No passage is tagged yet: tag some passages first.</source>
        <translation>还没有标注段落：请先标注。</translation>
    </message>
    <message>
        <source>No passage matches this choice: tick other themes, counties or years.</source>
        <translation>没有符合所选条件的段落：请换选主题、县区或年份。</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>“{name}” already exists in {folder}. Replace it?</source>
        <translation>{folder} 中已有“{name}”。要替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>The old file stays until the new one is written completely.</source>
        <translation>新文件完整写好之后才会替换旧文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting to {name}</source>
        <translation>正在导出到 {name}</translation>
    </message>
    <message>
        <source>Codebook exported: {themes} themes → {name}</source>
        <translation>已导出编码表：{themes} 个主题 → {name}</translation>
    </message>
    <message>
        <source>Exported {passages} passages, {sources} reports and {themes} themes → {name}</source>
        <translation>已导出 {passages} 段标注、{sources} 篇报告、{themes} 个主题 → {name}</translation>
    </message>
    <message>
        <source>Exported {passages} passages → {name}</source>
        <translation>已导出 {passages} 段标注 → {name}</translation>
    </message>
    <message>
        <source>{count} themes written with their parent&apos;s name too (another theme has the same name).</source>
        <translation>{count} 个主题与其他主题同名，写出时名称后加了上级主题名。</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>导入编码表</translation>
    </message>
    <message>
        <source>Codebook imported from {name}: {added} themes added, {kept} already there (kept as they were).</source>
        <translation>已从 {name} 导入编码表：新增 {added} 个主题，已有 {kept} 个（保持不变）。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first. The project as it is now is backed up before it is replaced, so a restore can be undone the same way.</source>
        <translation>{name} 的备份（最新的在前）。替换之前，会先把项目的当前状态备份一份，所以恢复本身也可以用同样的方法撤回。</translation>
    </message>
    <message>
        <source>There are no backups of {name} yet. One is made each day the project is opened, before an upgrade, and with File ▸ Back up.</source>
        <translation>{name} 还没有备份。每天第一次打开项目时、文件格式升级前，以及使用“文件 ▸ 备份”时，都会做一份备份。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Back &amp;up…</source>
        <translation>备份(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source> (read-only: open in another window)</source>
        <translation>（只读：已在另一个窗口中打开）</translation>
    </message>
    <message>
        <source>The project is damaged</source>
        <translation>项目文件已损坏</translation>
    </message>
    <message>
        <source>Choose a backup…</source>
        <translation>选择备份…</translation>
    </message>
    <message>
        <source>Checking the project…</source>
        <translation>正在检查项目…</translation>
    </message>
    <message>
        <source>Looking for reports imported twice</source>
        <translation>查找重复导入的报告</translation>
    </message>
    <message>
        <source>The same report twice</source>
        <translation>同一篇报告导入了两次</translation>
    </message>
    <message>
        <source>{n} of the reports just imported have the same text as reports already in the project (the same report in another format?):</source>
        <translation>刚导入的报告中有 {n} 篇与项目中已有的报告文字相同（同一篇报告的另一种格式？）：</translation>
    </message>
    <message>
        <source>Skip the new copies</source>
        <translation>跳过新的副本</translation>
    </message>
    <message>
        <source>Skipping removes the copies just imported; the reports that were there stay as they are. Cancel keeps both.</source>
        <translation>跳过会移除刚导入的副本，原有的报告保持不变。选择“取消”则两份都保留。</translation>
    </message>
    <message>
        <source>Kept both copies of {n} reports.</source>
        <translation>已保留 {n} 篇报告的两份副本。</translation>
    </message>
    <message>
        <source>Skipped {n} copies of reports already in the project.</source>
        <translation>已跳过 {n} 篇项目中已有报告的副本。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backed up: {name} ({size}) in {folder}</source>
        <translation>已备份：{name}（{size}），位于 {folder}</translation>
    </message>
    <message>
        <source>Replace {name} with the backup made {date}?</source>
        <translation>用 {date} 的备份替换 {name}？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Changes made since then are replaced, but not lost: the project as it is now is backed up first, and can be restored the same way.</source>
        <translation>此后所做的更改会被替换，但不会丢失：替换前会先备份项目的当前状态，可以用同样的方法恢复。</translation>
    </message>
    <message>
        <source>Restored {name} from the backup made {date}.</source>
        <translation>已用 {date} 的备份恢复 {name}。</translation>
    </message>
    <message>
        <source>The file as it was is kept as {backup}.</source>
        <translation>恢复前的文件已保存为 {backup}。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Was at</source>
        <translation>原位置</translation>
    </message>
    <message>
        <source>Place at the selection</source>
        <translation>放到选中处</translation>
    </message>
    <message>
        <source>{n} passage(s) could not be found again after the text was cleaned anew. Select where each belongs in the text, then choose Place at the selection.</source>
        <translation>重新清理文本后，有 {n} 段标注没能找回原位。请在正文中选中它应在的位置，再点“放到选中处”。</translation>
    </message>
    <message>
        <source>No unplaced passages.</source>
        <translation>没有待定位的标注。</translation>
    </message>
    <message>
        <source>Unplaced passages</source>
        <translation>待定位的标注</translation>
    </message>
    <message>
        <source>Clean documents a&amp;gain…</source>
        <translation>重新清理文本(&amp;G)…</translation>
    </message>
    <message>
        <source>Place passage</source>
        <translation>放回标注</translation>
    </message>
    <message>
        <source>Delete unplaced passage</source>
        <translation>删除待定位的标注</translation>
    </message>
    <message>
        <source>Clean documents again</source>
        <translation>重新清理文本</translation>
    </message>
    <message>
        <source>Clean every document again with the current rules? Tagged passages are found again by their text; those that cannot be are kept in a list for you to place. This cannot be undone.</source>
        <translation>用当前的清理规则重新清理所有文档吗？已标注的段落会按原文找回位置；找不回的会列出来，由您放回。此操作不能撤销。</translation>
    </message>
    <message>
        <source>Clean again</source>
        <translation>重新清理</translation>
    </message>
    <message>
        <source>Cleaning documents again…</source>
        <translation>正在重新清理文本…</translation>
    </message>
    <message>
        <source>Cleaned again: {exact} passage(s) found exactly, {fuzzy} by likeness, {unplaced} to place.</source>
        <translation>重新清理完成：{exact} 段标注精确找回，{fuzzy} 段近似找回，{unplaced} 段待定位。</translation>
    </message>
    <message>
        <source>{n} row(s) of the stored alignment lost sections: re-align in the comparison view (Re-align, F5).</source>
        <translation>已保存的对齐有 {n} 行失去了章节：请在对比视图中重新对齐（重新对齐，F5）。</translation>
    </message>
    <message>
        <source>Select the text where the passage belongs first.</source>
        <translation>请先在正文中选中这段标注应在的位置。</translation>
    </message>
    <message>
        <source>Passage placed.</source>
        <translation>标注已放回。</translation>
    </message>
    <message>
        <source>Delete this passage and its themes for good?</source>
        <translation>永久删除这段标注及其主题吗？</translation>
    </message>
    <message>
        <source>Export the agreement</source>
        <translation>导出编码一致性</translation>
    </message>
    <message>
        <source>Copies of a project</source>
        <translation>项目副本</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV, UTF-8</source>
        <translation>CSV，UTF-8</translation>
    </message>
    <message>
        <source>Show co&amp;ders</source>
        <translation>显示标注人(&amp;D)</translation>
    </message>
    <message>
        <source>Passages you tag are stored under {name}.</source>
        <translation>您标注的段落将记在“{name}”名下。</translation>
    </message>
    <message>
        <source>&amp;All coders</source>
        <translation>全部标注人(&amp;A)</translation>
    </message>
    <message>
        <source>Showing every coder&apos;s passages.</source>
        <translation>显示所有标注人的标注。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Showing the passages of {names} only.</source>
        <translation>只显示 {names} 的标注。</translation>
    </message>
    <message>
        <source>{scope} · coders: {names}</source>
        <translation>{scope} · 标注人：{names}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>读取 {name}</translation>
    </message>
    <message>
        <source>Nothing to merge: everything in {name} is in this project already ({n} passages).</source>
        <translation>没有可合并的内容：{name} 中的一切都已在本项目中（{n} 段标注）。</translation>
    </message>
    <message>
        <source>Merging {name}</source>
        <translation>合并 {name}</translation>
    </message>
    <message>
        <source>Merged {name}: {passages} passage(s) added ({coders}), {already} already here; {themes} theme(s) and {reports} report(s) added. Backed up first: {backup}</source>
        <translation>已合并 {name}：新增标注 {passages} 段（{coders}），{already} 段已在项目中；新增主题 {themes} 个、报告 {reports} 篇。合并前的备份：{backup}</translation>
    </message>
    <message>
        <source>Agreement needs passages of two coders: merge a teammate&apos;s copy first (File ▸ Merge a project…).</source>
        <translation>计算一致性需要两位标注人的标注：请先合并队友的项目副本（文件 ▸ 合并项目…）。</translation>
    </message>
    <message>
        <source>Measuring agreement</source>
        <translation>计算编码一致性</translation>
    </message>
    <message>
        <source>{project}-agreement.xlsx</source>
        <translation>{project}-编码一致性.xlsx</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Wrote {files}.</source>
        <translation>已写出 {files}。</translation>
    </message>
    <message>
        <source>Settle a disagreement</source>
        <translation>定稿一处分歧</translation>
    </message>
    <message>
        <source>Accept where they agree</source>
        <translation>采纳一致之处</translation>
    </message>
    <message>
        <source>{n} agreed passage(s) copied into {coder}.</source>
        <translation>已把 {n} 段一致的标注复制到“{coder}”名下。</translation>
    </message>
    <message>
        <source>All {n} (Fleiss&apos; κ)</source>
        <translation>全体 {n} 人（Fleiss κ）</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>标注人</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>解读</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>(all themes)</source>
        <translation>（全部主题）</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>篇报告</translation>
    </message>
    <message>
        <source>Both: {both} · only A: {a} · only B: {b} · neither: {n} ({unit})</source>
        <translation>两人都标：{both} · 仅 A：{a} · 仅 B：{b} · 都未标：{n}（{unit}）</translation>
    </message>
    <message>
        <source>A&apos;s segments matched: {ma} of {ta} · B&apos;s: {mb} of {tb}</source>
        <translation>A 的段落被匹配：{ma}/{ta} · B 的：{mb}/{tb}</translation>
    </message>
    <message>
        <source>Agreement on every character of the reports (coded or not)</source>
        <translation>报告每个字是否被标注的一致率</translation>
    </message>
    <message>
        <source>Agreement on whether each report was coded with the theme</source>
        <translation>每篇报告是否用了这个主题的一致率</translation>
    </message>
    <message>
        <source>Passages matched by the other coder (overlap of at least the chosen per cent)</source>
        <translation>被另一位标注人匹配的段落（重合达到所选百分比）</translation>
    </message>
    <message>
        <source>A&apos;s version</source>
        <translation>采纳 A 的版本</translation>
    </message>
    <message>
        <source>B&apos;s version</source>
        <translation>采纳 B 的版本</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者都采纳</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>都不采纳</translation>
    </message>
    <message>
        <source>only A coded it</source>
        <translation>只有 A 标注</translation>
    </message>
    <message>
        <source>different extent</source>
        <translation>范围不同</translation>
    </message>
    <message>
        <source>only B coded it</source>
        <translation>只有 B 标注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Choose a disagreement above to see both coders&apos; versions side by side.</source>
        <translation>在上方选一处分歧，两位标注人的版本会并排显示。</translation>
    </message>
    <message>
        <source>Tick two or more coders and choose Measure.</source>
        <translation>请勾选两位或更多标注人，然后点“计算”。</translation>
    </message>
    <message>
        <source>Measured on the reports every ticked coder has tagged, and the themes they used there.</source>
        <translation>计算范围：每位勾选的标注人都标注过的报告，以及他们在其中用过的主题。</translation>
    </message>
    <message>
        <source>{n} report(s): those every ticked coder has tagged. A segment matches when the other coder&apos;s overlaps it by {p} % of the longer.</source>
        <translation>{n} 篇报告：每位勾选的标注人都标注过的。另一位标注人的段落与之重合达到较长者的 {p}% 时，算作匹配。</translation>
    </message>
    <message>
        <source>{n} disagreement(s), {s} settled; {k} agreement(s).</source>
        <translation>分歧 {n} 处，已定稿 {s} 处；一致 {k} 处。</translation>
    </message>
    <message>
        <source>Accept where they agree ({n})</source>
        <translation>采纳一致之处（{n}）</translation>
    </message>
    <message>
        <source>Coder agreement</source>
        <translation>编码一致性</translation>
    </message>
    <message>
        <source>Coders to compare:</source>
        <translation>要比较的标注人：</translation>
    </message>
    <message>
        <source>A segment matches at</source>
        <translation>段落匹配所需重合</translation>
    </message>
    <message>
        <source>The overlap two coders&apos; passages of a theme need, in per cent of the longer one (MAXQDA&apos;s rule; 90 by default)</source>
        <translation>两位标注人同一主题的段落需要重合多少（占较长者的百分比；MAXQDA 的规则，默认 90）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Write the table and the disagreements to Excel or CSV</source>
        <translation>把一致性表和分歧列表写成 Excel 或 CSV</translation>
    </message>
    <message>
        <source>By theme</source>
        <translation>按主题</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Settle as:</source>
        <translation>定稿记为：</translation>
    </message>
    <message>
        <source>The coder name the settled coding is written under</source>
        <translation>定稿的标注写在这个标注人名下</translation>
    </message>
    <message>
        <source>Accept A</source>
        <translation>采纳 A</translation>
    </message>
    <message>
        <source>Accept B</source>
        <translation>采纳 B</translation>
    </message>
    <message>
        <source>Show in the text</source>
        <translation>在正文中显示</translation>
    </message>
    <message>
        <source>Copy every passage both coders agree on into the settled coding</source>
        <translation>把两位标注人一致的全部段落复制到定稿中</translation>
    </message>
    <message>
        <source>Correct line…</source>
        <translation>更正这一行…</translation>
    </message>
    <message>
        <source>The page image of a report read by OCR shows here.</source>
        <translation>经文字识别（OCR）导入的报告，其页面图像显示在这里。</translation>
    </message>
    <message>
        <source>Page image</source>
        <translation>页面图像</translation>
    </message>
    <message>
        <source>Correct the OCR &amp;line…</source>
        <translation>更正识别的行(&amp;L)…</translation>
    </message>
    <message>
        <source>Correct the OCR line</source>
        <translation>更正识别的行</translation>
    </message>
    <message>
        <source>Type the line as it is printed. The text is cleaned again and your passages are found again; Undo takes the correction back.</source>
        <translation>按纸面上印的文字输入这一行。文本会重新清理，已标注的段落会重新定位；撤销可以取消这次更正。</translation>
    </message>
    <message>
        <source>Correct OCR line</source>
        <translation>更正识别的行</translation>
    </message>
    <message>
        <source>— page {page} —</source>
        <translation>— 第 {page} 页 —</translation>
    </message>
    <message>
        <source>(nothing read on this page)</source>
        <translation>（这一页没有识别出文字）</translation>
    </message>
    <message>
        <source>The text of a scan shows here page by page while it is read.</source>
        <translation>扫描件正在识别时，识别出的文字在这里逐页显示。</translation>
    </message>
    <message>
        <source>Reading {name}: page {page} of {pages}. The report is stored, to tag and compare, when every page is read.</source>
        <translation>正在识别 {name}：第 {page} 页，共 {pages} 页。全部页面识别完后报告才存入项目，之后可以标注和对比。</translation>
    </message>
    <message>
        <source>Scan being read</source>
        <translation>正在识别的扫描件</translation>
    </message>
    <message>
        <source>Page {page} of {pages} · {source} · line {line}</source>
        <translation>第 {page} 页，共 {pages} 页 · {source} · 第 {line} 行</translation>
    </message>
    <message>
        <source>Line corrected; the text was cleaned again.</source>
        <translation>已更正这一行，文本已重新清理。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
