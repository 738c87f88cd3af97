// 简体中文 for the online audience (/watch/), likes and comments (弹幕): the shared error words.
export const audienceZh = {
  'error.comments-off': '弹幕未开放或已暂停',
  'error.comment-too-fast': '发送太频繁，请稍后再发',
  'error.comment-blocked': '弹幕含有不允许的词语，未发送',
};
