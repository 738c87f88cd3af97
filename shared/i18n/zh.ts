// 简体中文: the default language, and the source of every message key.
import { exportZh } from './export.zh.js';
import { definitionZh } from './definition.zh.js';
import { bankZh } from './bank.zh.js';
import { audienceZh } from './audience.zh.js';
import { watchZh } from './watch.zh.js';
import { commentsZh } from './comments.zh.js';
import { bankCheckZh } from './bank-check.zh.js';
import { roundsZh } from './rounds.zh.js';
import { storageZh } from './storage.zh.js';
import { scaleZh } from './scale.zh.js';
import { contestsZh } from './contests.zh.js';
import { screenLayoutZh } from './screen-layout.zh.js';
import { brandingZh } from './branding.zh.js';
import { hostSafetyZh } from './host-safety.zh.js';
import { joiningZh } from './joining.zh.js';
import { phonesZh } from './phones.zh.js';
import { joiningSettingZh } from './joining-setting.zh.js';
import { uploadsZh } from './uploads.zh.js';
import { claimGuardZh } from './claim-guard.zh.js';
import { edgeZh } from './edge.zh.js';
import { fairBuzzZh } from './fair-buzz.zh.js';
import { fairUiZh } from './fair-ui.zh.js';
import { replayZh } from './replay.zh.js';
import { judgingUiZh } from './judging-ui.zh.js';
import { judgesServerZh } from './judges-server.zh.js';
import { judgedEngineZh } from './judged-engine.zh.js';
import { editorJudgedZh } from './editor-judged.zh.js';
import { riskZh } from './risk.zh.js';
import { rankingZh } from './ranking.zh.js';
import { awardsZh } from './awards.zh.js';
import { bankOrderZh } from './bank-order.zh.js';
import { overlayZh } from './overlay.zh.js';
import { overlay2Zh } from './overlay2.zh.js';

export const zh = {
  ...bankZh,
  ...audienceZh,
  ...watchZh,
  ...commentsZh,
  ...bankCheckZh,
  ...definitionZh,
  ...exportZh,
  ...roundsZh,
  ...storageZh,
  ...scaleZh,
  ...contestsZh,
  ...screenLayoutZh,
  ...brandingZh,
  ...hostSafetyZh,
  ...joiningZh,
  ...phonesZh,
  ...joiningSettingZh,
  ...uploadsZh,
  ...claimGuardZh,
  ...edgeZh,
  ...fairBuzzZh,
  ...fairUiZh,
  ...replayZh,
  ...judgingUiZh,
  ...judgesServerZh,
  ...judgedEngineZh,
  ...editorJudgedZh,
  ...riskZh,
  ...rankingZh,
  ...awardsZh,
  ...bankOrderZh,
  ...overlayZh,
  ...overlay2Zh,
  // Server terminal
  'terminal.created': '已创建竞赛：{title}',
  'terminal.resumed': '已恢复竞赛：{title}（从上次中断处继续）',
  'terminal.host': '主持人控制台：',
  'terminal.screen': '大屏幕：      ',
  'terminal.join': '选手加入：    ',
  'terminal.scan': '选手用手机扫描下方二维码加入：',
  'terminal.hint': '提示：手机需与本机连接同一 Wi-Fi；如地址不对，可用 --public-url 指定。',
  'terminal.noBuild': '找不到已构建的页面（dist/web）。请先运行 npm run build，或使用 npm start。',

  // Error codes from the wire (shared/protocol.ts ErrorCode)
  'error.not-in-question': '当前没有进行中的题目',
  'error.wrong-phase': '当前环节不能进行此操作',
  'error.question-in-play': '本题仍在进行中，请先裁定或结束本题',
  'error.unknown-seat': '没有这个席位',
  'error.no-seat-left': '所有席位均已出局，无法再次开放抢答',
  'error.nothing-to-undo': '没有可撤销的裁定',
  'error.nothing-due': '没有到期的计时',
  'error.contest-finished': '竞赛已结束',
  'error.question-over': '本题已结束',
  'error.bad-payload': '请求格式不正确',
  'error.bad-handshake': '连接参数不正确，请重新打开链接',
  'error.version-mismatch': '页面版本已过期，请刷新页面',
  'error.unknown-contest': '找不到这场竞赛，请检查链接',
  'error.not-authorised': '没有权限进行此操作',
  'error.no-seat': '请先加入席位',
  'error.already-seated': '本机已加入席位',
  'error.storage-failed': '无法保存到磁盘，操作未生效，请联系工作人员',
  'error.internal-error': '服务器内部错误，操作未生效',
  'error.offline': '网络已断开，操作没有发送，请等待重新连接',
  'error.wrong-round-kind': '本轮不是这种题型，不能进行此操作',
  'error.answers-closed': '现在不能作答（尚未开始或已截止）',
  'error.bad-choice': '选项无效，请重新选择',
  'error.repeated-question': '这道题本场已经用过',
  'error.bad-definition': '竞赛设置有误，请按提示修改',
  'error.contest-started': '竞赛已经开始，不能再修改设置',
  'error.no-replacement': '题库中没有可替换的题目了',
  'error.too-many-presses': '按得太快了，请稍后再按',
  'error.too-many-answers': '本题改答次数过多，不能再改',
  'error.timeout': '服务器没有响应，请检查网络',
  // Pages: shared
  'app.name': '党史知识竞赛 · 抢答',
  'common.switchLanguage': '切换语言 / Switch language',
  'common.parenthesised': '（{text}）',
  'page.missingContest': '链接不完整：缺少竞赛编号。请使用终端打印的链接。',
  'link.connecting': '正在连接…',
  'link.online': '在线',
  'link.offline': '已断线，正在重连…',
  'link.refused': '连接被拒绝',
  'question.number': '第 {n} 题 / 共 {total} 题',
  'question.answer': '答案',
  'question.explanation': '解析',
  'question.source': '出处：{source}',
  'category.founding': '建党时期',
  'category.revolution': '新民主主义革命时期',
  'category.construction': '社会主义革命和建设时期',
  'category.reform': '改革开放新时期',
  'category.new-era': '新时代',
  'phase.reading': '请听题',
  'phase.open': '抢答开始！',
  'phase.answering': '作答中',
  'phase.wrong': '答错',
  'phase.revealed': '揭晓',
  'outcome.right': '{name} 回答正确',
  'outcome.dead': '无人抢答',
  'outcome.ended': '本题结束',
  'seat.out': '出局',
  'seat.locked': '锁定',
  'seat.answering': '作答中',
  'decision.won': '抢到',
  'decision.false-start': '提前抢答',
  'decision.locked-out': '锁定中（无效）',
  'decision.late': '慢了一步',
  'decision.pending': '待判定',
  'decision.beaten': '慢了一步（按下时刻较晚）',
  'ledger.right': '答对',
  'ledger.wrong': '答错',
  'ledger.timeout': '超时未答',
  'ledger.false-start': '提前抢答',
  'ledger.adjust': '{note}',
  'ledger.undo': '撤销第 {n} 题裁定',

  // Landing page
  'landing.tagline': '公平抢答 · 以按下的时刻为准',
  'landing.join': '加入比赛',
  'landing.joinUrl': '选手加入地址：',
  'landing.pick': '这里有几场竞赛正在进行，请选择你参加的一场：',
  'landing.noneOpen': '目前没有正在进行的竞赛，请联系工作人员。',
  'landing.staffNote': '主持人控制台与大屏幕的链接已打印在运行服务器的终端里。',

  // Big screen
  'screen.pageTitle': '大屏幕',
  'screen.scanToJoin': '扫码加入比赛',
  'screen.qrAlt': '选手加入二维码',
  'screen.joinHint': '扫码后输入本席位的加入码',
  'screen.seats': '席位',
  'screen.joinedCount': '已加入 {joined} / {total}',
  'screen.joinCode': '加入码',
  'screen.joined': '已加入',
  'screen.away': '离线',
  'screen.awaitingRuling': '等待裁定',
  'screen.scoreboard': '积分榜',
  'screen.corrections': '分数更正',
  'screen.finalRanking': '最终排名',
  'screen.place': '第 {n} 名',
  'screen.points': '{n} 分',
  'screen.soundOn': '启用声音',
  'screen.soundOff': '关闭声音',

  // Contestant phone
  'contestant.pageTitle': '选手抢答器',
  'contestant.score': '得分',
  'contestant.enterCode': '请输入大屏幕上本席位的加入码',
  'contestant.join': '加入席位',
  'contestant.joining': '正在加入…',
  'contestant.joinHint': '加入后请保持本页面打开，手机不要锁屏。',
  'contestant.released': '主持人已释放你的席位，如需继续请重新输入加入码。',
  'contestant.lastChange': '最近得分：{delta}（{place}）',
  'buzzer.waiting': '比赛即将开始',
  'buzzer.closed': '请等待主持人开始抢答',
  'buzzer.open': '抢答!',
  'buzzer.won': '你抢到了! 请作答',
  'buzzer.taken': '{name} 已抢答',
  'buzzer.out': '本题已出局',
  'buzzer.locked': '提前抢答! 锁定中',
  'buzzer.over': '本题已结束',
  'buzzer.finished': '比赛结束',
  'buzzer.offline': '网络已断开，正在重连…',
  'press.won': '抢到了！',
  'press.false-start': '提前抢答！已受罚',
  'press.locked-out': '锁定中，本次无效',
  'press.late': '慢了一步',
  'press.pending': '已按下，判定中…',
  'press.beaten': '慢了一步',

  // Host console
  'host.pageTitle': '主持人控制台',
  'host.missingKey': '链接不完整：缺少竞赛编号或主持人密钥。请使用终端打印的主持人链接。',
  'host.lobbyTitle': '比赛尚未开始',
  'host.lobbyHint': '已加入 {joined} / {total} 个席位。按 N 显示第一轮的标题。',
  'host.joinUrl': '选手加入地址：',
  'host.finishedTitle': '比赛结束 · 最终排名',
  'host.buzzCountdown': '抢答剩余 {s} 秒',
  'host.answerCountdown': '作答剩余 {s} 秒',
  'host.noCountdown': '不计时，请手动裁定',
  'host.winnerAnswering': '{name} 抢到，正在作答',
  'host.winnerWrong': '{name} 答错，已出局',
  'host.controls': '主持操作',
  'host.control.first': '出第一题',
  'host.control.next': '下一题',
  'host.control.finish': '结束比赛',
  'host.control.open': '开始抢答',
  'host.control.right': '答对',
  'host.control.wrong': '答错',
  'host.control.reopen': '开放补答',
  'host.control.reveal': '结束并揭晓',
  'host.control.undo': '撤销裁定',
  'host.key.space': '空格',
  'host.keyboardHint': '快捷键在输入框中不生效。灰色按钮表示当前环节不可用。',
  'host.seats': '席位',
  'host.seat': '席位',
  'host.score': '得分',
  'host.phone': '手机',
  'host.joinCode': '加入码',
  'host.state': '状态',
  'host.unclaimed': '未加入',
  'host.release': '释放席位',
  'host.releaseConfirm': '确定释放“{name}”的席位吗？该手机将被断开，需重新输入加入码。',
  'host.released': '已释放“{name}”的席位',
  'host.pressLog': '本题按键记录',
  'host.noPresses': '本题尚无按键记录',
  'host.ledger': '计分记录',
  'host.ledgerRecent': '（最近 {n} 条）',
  'host.noLedger': '尚无分数变动',
  'host.ledgerQuestion': '第 {n} 题',
  'host.undone': '已撤销',
  'host.adjust.title': '手动调整分数',
  'host.adjust.pickSeat': '选择席位',
  'host.adjust.delta': '分值（±）',
  'host.adjust.reason': '原因（必填）',
  'host.adjust.reasonExample': '例如：提示他人',
  'host.adjust.submit': '调整',
  'host.adjust.needSeat': '请选择席位',
  'host.adjust.badDelta': '分值须为非零整数，绝对值不超过 {max}',
  'host.adjust.needReason': '请填写调整原因',
  'host.adjust.reasonTooLong': '原因过长（最多 {max} 字）',
} as const;

export type MessageKey = keyof typeof zh;
