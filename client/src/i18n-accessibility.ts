// Strings for the explorer's accessible names, English plurals and punctuation, and the
// messages for the server's error codes. Merged into i18n.ts's resources (deep, overriding),
// kept apart so the explorer's other strings stay easy to merge.

const CODES_ZH = {
  BAD_USER_INPUT: '请求的内容不被接受',
  NOT_FOUND: '找不到所请求的内容',
  UNAUTHENTICATED: '没有权限：请在设置中填写正确的维护令牌。',
  FORBIDDEN: '没有权限执行这项操作',
  QUERY_TOO_COMPLEX: '请求过于复杂，请缩小范围',
  PAYLOAD_TOO_LARGE: '请求太大，请缩小范围',
  BATCH_TOO_LARGE: '一次发送的请求太多',
  RESPONSE_TOO_LARGE: '结果太大，请缩小范围',
  TIMEOUT: '服务器处理超时，请稍后重试',
  STORE_BUSY: '服务器繁忙，请稍后重试',
  BAD_REQUEST: '请求格式有误',
  UNSUPPORTED_MEDIA_TYPE: '请求格式有误',
  MISDIRECTED_REQUEST: '请求发到了错误的服务器',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL_SERVER_ERROR: '服务器内部错误',
};

const CODES_EN: typeof CODES_ZH = {
  BAD_USER_INPUT: 'The server did not accept the request',
  NOT_FOUND: 'What was asked for does not exist',
  UNAUTHENTICATED: 'Not allowed: enter a valid curation token in Settings.',
  FORBIDDEN: 'Not allowed to do this',
  QUERY_TOO_COMPLEX: 'The request is too complex; narrow it down',
  PAYLOAD_TOO_LARGE: 'The request is too large; narrow it down',
  BATCH_TOO_LARGE: 'Too many requests at once',
  RESPONSE_TOO_LARGE: 'The answer is too large; narrow it down',
  TIMEOUT: 'The server took too long; try again',
  STORE_BUSY: 'The server is busy; try again shortly',
  BAD_REQUEST: 'Malformed request',
  UNSUPPORTED_MEDIA_TYPE: 'Malformed request',
  MISDIRECTED_REQUEST: 'The request reached the wrong server',
  CONFLICT: 'The data changed meanwhile; reload and try again',
  INTERNAL_SERVER_ERROR: 'Internal server error',
};

export const moreResources = {
  'zh-CN': {
    app: { pageTitle: '产业链图谱 ChainAtlas', explore: '探索' },
    punct: { colon: '：' },
    stats: { label: '统计' },
    search: { pathEnds: '路径端点', pathFrom: '起点：{{name}}', pathTo: '终点：{{name}}' },
    paths: { path: '路径 {{i}}（{{count}} 步）' },
    canvas: {
      menu: '{{name}} 的菜单',
      canvasMenu: '画布菜单',
      bundle: '+{{count}} {{rel}}',
      bundleOpen: '展开这 {{count}} 个{{rel}}邻居',
    },
    canvasList: {
      title: '画布上的内容',
      show: '显示列表（{{count}}）',
      hide: '隐藏列表',
      hint: '回车选中；选中后 Shift+F10 打开菜单。',
      degree: '{{count}} 条关联',
      hidden: '已隐藏',
    },
    timeline: { play: '播放' },
    help: { menu: '打开选中节点的菜单' },
    settings: {
      nodeSize: '节点大小',
      nodeSizeBy: { type: '按类型', degree: '按关联数', investment: '按投资额' },
      bundleLeaves: '把枢纽的叶子节点合并为“+N”',
    },
    errors: { detail: '服务器原文' },
    errorCode: CODES_ZH,
  },
  en: {
    app: { pageTitle: 'ChainAtlas — industry chains of Chongqing', explore: 'Explore' },
    punct: { colon: ': ' },
    stats: {
      label: 'Statistics',
      articles_one: '{{n}} article',
      articles_other: '{{n}} articles',
      entities_one: '{{n}} entity',
      entities_other: '{{n}} entities',
      relations_one: '{{n}} relation',
      relations_other: '{{n}} relations',
    },
    search: { pathEnds: 'Path ends', pathFrom: 'From: {{name}}', pathTo: 'To: {{name}}' },
    paths: { path_one: 'Path {{i}} ({{count}} hop)', path_other: 'Path {{i}} ({{count}} hops)' },
    canvas: {
      menu: 'Menu of {{name}}',
      canvasMenu: 'Canvas menu',
      bundle: '+{{count}} {{rel}}',
      bundleOpen: 'Show these {{count}} neighbours ({{rel}})',
      hiddenCount_one: '{{count}} hidden',
      hiddenCount_other: '{{count}} hidden',
    },
    canvasList: {
      title: 'On the canvas',
      show: 'Show list ({{count}})',
      hide: 'Hide list',
      hint: 'Enter selects; then Shift+F10 opens the menu.',
      degree_one: '{{count}} relation',
      degree_other: '{{count}} relations',
      hidden: 'hidden',
    },
    timeline: { play: 'Play' },
    help: { menu: 'Open the menu of the selected node' },
    settings: {
      nodeSize: 'Node size',
      nodeSizeBy: { type: 'By type', degree: 'By degree', investment: 'By investment' },
      bundleLeaves: 'Bundle a hub’s leaves into “+N”',
    },
    errors: { detail: 'Server message' },
    errorCode: CODES_EN,
    profile: { membersCount_one: '{{n}} member', membersCount_other: '{{n}} members' },
    details: { more_one: '{{n}} more relation not shown', more_other: '{{n}} more relations not shown' },
  },
} as const;

/** The page's language from what the analyst chose, else the link, else the browser (English browsers get English). */
export function pickLanguage(fromUrl: string | null, chosen: string | null, browser: readonly string[]): 'en' | 'zh-CN' {
  const l = fromUrl ?? chosen ?? (browser.find((b) => /^(en|zh)\b/i.test(b)) ?? 'zh-CN');
  return l.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
