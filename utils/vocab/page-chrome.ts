/**
 * Parts of a page that are never data: icon fonts (their ligature text "visibility",
 * "file_download", "arrow_upward" is a glyph name), row action menus whose items are in
 * the DOM before they open ("Số hóa giấy tờ", "Đính kèm kết quả điện tử" are actions, not
 * facts) and elements the page hides. Data, matched on class names, tags and roles.
 */

/** Tags of icon components. */
export const ICON_TAGS: readonly string[] = ['mat-icon', 'v-icon', 'ion-icon', 'iron-icon', 'q-icon', 'el-icon'];

/** Class names of icon fonts (a whole class name, not a part of one). */
export const ICON_CLASSES: readonly string[] = [
  'material-icons', 'material-icons-outlined', 'material-icons-round', 'material-icons-sharp', 'material-icons-two-tone',
  'material-symbols-outlined', 'material-symbols-rounded', 'material-symbols-sharp', 'mat-icon', 'mdc-icon',
  'v-icon', 'anticon', 'glyphicon', 'mdi', 'fa', 'fas', 'far', 'fal', 'fab', 'bi', 'icon', 'icons', 'dx-icon',
  'k-icon', 'k-svg-icon', 'ui-icon', 'rgIcon', 'el-icon', 'q-icon', 'ti', 'la', 'zmdi', 'feather',
];

/** Class names of row action menus and dropdowns (their items are actions). */
export const MENU_CLASSES: readonly string[] = [
  'dropdown-menu', 'lfr-icon-menu', 'lfr-menu-list', 'lfr-icon-menu-text', 'ant-dropdown', 'ant-dropdown-menu',
  'mat-menu-panel', 'mat-mdc-menu-panel', 'v-menu__content', 'dx-context-menu', 'k-menu-popup', 'context-menu',
  'row-actions', 'action-menu', 'actions-menu', 'dropdown-content', 'btn-group-menu', 'popover', 'tooltip', 'tooltip-inner',
];

/** ARIA roles of menus and their items. */
export const MENU_ROLES: readonly string[] = ['menu', 'menuitem', 'menubar', 'tooltip'];

/** Class names that hide an element outright. */
export const HIDDEN_CLASSES: readonly string[] = ['d-none', 'hidden', 'hide', 'is-hidden', 'invisible', 'ng-hide', 'x-hidden'];
