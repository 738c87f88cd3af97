// 简体中文 messages for storage failures: the host console's banner and the server terminal
// (at start-up and while the contest runs); merged into zh.ts.
export const storageZh = {
  // Host console banner, while writes fail
  'storage.title': '存储故障：比赛暂停记录',
  'storage.since': '自 {time} 起',
  'storage.separator': '：',
  'storage.refusing': '恢复之前，所有操作（出题、抢答、作答、裁定、加入席位）都会被拒绝，不会生效。',
  'storage.problem.disk-full': '磁盘已满',
  'storage.problem.read-only': '数据文件无法写入（只读）',
  'storage.problem.corrupt': '数据文件已损坏',
  'storage.problem.io-error': '磁盘读写出错',
  'storage.problem.unknown': '无法保存到磁盘',
  'storage.advice.disk-full': '清理磁盘空间后，下一个操作会自动重试；已记录的内容不受影响。',
  'storage.advice.read-only': '恢复数据文件及其文件夹的写入权限（如 U 盘的写保护开关）后，下一个操作会自动重试；已记录的内容不受影响。',
  'storage.advice.corrupt': '为避免进一步损坏，已停止写入。请停止服务器（Ctrl+C）再重新启动：启动时会检查文件，并说明如何从存档或备份恢复。',
  'storage.advice.io-error': '检查磁盘或 U 盘是否松动、被拔出；恢复后，下一个操作会自动重试；已记录的内容不受影响。',
  'storage.advice.unknown': '下一个操作会自动重试，详细原因见服务器终端；已记录的内容不受影响。',

  // Server terminal, while the contest runs
  'terminal.newContest': '（新建）',
  'terminal.storageFailed': '【存储故障】竞赛 {contest}：{problem}，写入失败（{what}：{detail}）。{advice}恢复之前，所有操作都会被拒绝。',
  'terminal.storageRecovered': '【存储恢复】竞赛 {contest}：数据已能正常写入（故障持续约 {seconds} 秒）。期间被拒绝的操作需要重新进行。',

  // Server terminal, at start-up
  'terminal.open.disk-full': '磁盘已满，无法写入数据文件：{file}',
  'terminal.open.read-only': '数据文件或其所在文件夹不可写（只读）：{file}',
  'terminal.open.corrupt': '数据文件已损坏，无法使用：{file}',
  'terminal.open.io-error': '读写数据文件时磁盘出错：{file}',
  'terminal.open.unknown': '无法打开数据文件：{file}',
  'terminal.open.detail': '原因：{detail}',
  'terminal.open.unchanged': '服务器没有启动，也没有修改这个文件。',
  'terminal.open.todo.disk-full': '请清理磁盘空间后重新启动，或用 --data 指定另一块磁盘上的文件夹。',
  'terminal.open.todo.read-only': '请为该文件及其文件夹开启写入权限（U 盘可能有写保护开关），或用 --data 指定一个可写的文件夹。',
  'terminal.open.todo.corrupt':
    '请任选其一：\n  · 把这个文件移到别处保存（留给技术人员检查），再重新启动，将创建新的竞赛；\n  · 用存档或备份中的文件替换它，再重新启动；\n  · 用 --data 指定另一个文件夹启动。',
  'terminal.open.todo.io-error': '请检查磁盘或 U 盘是否连接正常后重新启动，或用 --data 指定另一个文件夹。',
  'terminal.open.todo.unknown': '请把上面的原因告诉技术人员，或用 --data 指定另一个文件夹启动。',
} as const;
