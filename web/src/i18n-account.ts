/**
 * The strings of the account pages (users page, password change) and their header links, in zh
 * and en, apart from i18n.ts so that the account pages stay one change; the language is the app's.
 */
import { useI18n } from './i18n.ts';

const zh = {
  navUsers: '用户',
  navPassword: '修改密码',
  usersTitle: '用户管理',
  usersIntro: '财政部门管理员为各单位的编制人、各部门的审核人开设账户，设定其角色与范围，停用账户或重置密码。',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  scope: '范围',
  state: '状态',
  actions: '操作',
  active: '启用',
  disabled: '已停用',
  disable: '停用',
  enable: '启用',
  resetPassword: '重置密码',
  resetConfirm: '为 {name} 生成新的随机密码？其现有登录会被退出。',
  saveRole: '保存角色',
  allUnits: '全部（财政部门）',
  chooseDepartment: '选择部门…',
  chooseUnit: '选择单位…',
  createTitle: '新建用户',
  passwordOptional: '初始密码（留空则由系统生成）',
  create: '新建',
  created: '已新建用户 {name}。',
  newPassword: '{name} 的新密码（只显示这一次，请转交本人）：',
  saved: '已保存。',
  passwordRules: '密码至少 10 个字符；不能是常见密码、同一字符或简单重复、连续或键盘相邻的字符，也不能包含用户名。',
  passwordTitle: '修改密码',
  currentPassword: '当前密码',
  newPasswordLabel: '新密码',
  confirmPassword: '再次输入新密码',
  mismatch: '两次输入的新密码不一致',
  passwordChanged: '密码已修改。其他设备上的登录已退出。',
  you: '（本人）',
};

const en: typeof zh = {
  navUsers: 'Users',
  navPassword: 'Change password',
  usersTitle: 'Users',
  usersIntro: 'The finance department’s administrators open accounts for units’ editors and departments’ reviewers, set their role and scope, disable accounts and reset passwords.',
  username: 'User name',
  displayName: 'Name',
  role: 'Role',
  scope: 'Scope',
  state: 'State',
  actions: 'Actions',
  active: 'Active',
  disabled: 'Disabled',
  disable: 'Disable',
  enable: 'Enable',
  resetPassword: 'Reset password',
  resetConfirm: 'Generate a new random password for {name}? Their current sessions end.',
  saveRole: 'Save role',
  allUnits: 'All (finance department)',
  chooseDepartment: 'Choose a department…',
  chooseUnit: 'Choose a unit…',
  createTitle: 'New user',
  passwordOptional: 'Initial password (leave empty to generate one)',
  create: 'Create',
  created: 'User {name} created.',
  newPassword: 'New password of {name} (shown only this once; hand it over to them):',
  saved: 'Saved.',
  passwordRules: 'At least 10 characters; not a common password, not one character or a short pattern repeated, not a run or keyboard walk, and not containing the user name.',
  passwordTitle: 'Change password',
  currentPassword: 'Current password',
  newPasswordLabel: 'New password',
  confirmPassword: 'New password again',
  mismatch: 'The two new passwords differ',
  passwordChanged: 'Password changed. Sessions on other devices have been signed out.',
  you: ' (you)',
};

export type AccountKey = keyof typeof zh;

export function useAccountText() {
  const { lang } = useI18n();
  const strings = lang === 'en' ? en : zh;
  return (key: AccountKey, vars: Record<string, string> = {}) => strings[key].replace(/\{(\w+)\}/g, (_, v: string) => vars[v] ?? `{${v}}`);
}
