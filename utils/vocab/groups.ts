/**
 * Group-header rows of grouped grids: one caption row ("Lĩnh vực: Sở hữu trí tuệ (4 hồ
 * sơ)", "Đơn vị: Phòng QLKH") gives its value to the rows below it. Class names of the
 * grids that mark such rows (Telerik, DevExtreme, jqGrid, Kendo, Ant Design, ExtJS …),
 * rows that are expansions or footers, and the count a caption carries.
 */

/** Row classes of group captions (a whole class name). */
export const GROUP_ROW_CLASSES: readonly string[] = [
  'rgGroupHeader', 'dx-group-row', 'jqgroup', 'k-grouping-row', 'ant-table-row-group', 'group-row', 'group-header',
  'row-group', 'grid-group-row', 'x-grid-group-hd', 'ag-row-group', 'e-groupcaptionrow', 'v-row-group__header',
  'v-data-table-group-header-row', 'groupRow', 'tr-group',
];

/** Row classes of expanded details, group footers and summaries: never captions, never records. */
export const NOT_DATA_ROW_CLASSES: readonly string[] = [
  'ant-table-expanded-row', 'dx-master-detail-row', 'k-detail-row', 'detail-row', 'expanded-row', 'rgDetailTable',
  'rgFooter', 'rgGroupFooter', 'dx-footer-row', 'dx-group-footer', 'jqfoot', 'k-footer-template', 'k-group-footer',
  'ant-table-summary', 'total-row', 'totals-row', 'summary-row', 'subtotal-row', 'footer-row', 'e-summaryrow',
  'v-row-group__summary', 'ag-row-footer',
];

/** Record fields a caption may hand down (labelled "Lĩnh vực:", "Đơn vị:", "Thủ tục:", "Trạng thái:"). */
export const GROUP_FIELDS = ['field', 'department', 'procedure', 'status'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The count at the end of a caption: "(4 hồ sơ)", "(Count: 3)", "[3]", "- 5 bản ghi", "(Số lượng: 2)". */
export const CAPTION_COUNT: readonly RegExp[] = [
  /\s*[([]\s*(?:[^()[\]:]{0,30}:\s*)?\d+(?:[.,]\d+)?(?:\s+[\p{L} ]{1,20})?\s*[)\]]\s*$/u,
  /\s*[-–:|]\s*\d+\s+(?:hồ sơ|bản ghi|kết quả|dòng|mục|records?|items?)\s*$/iu,
];
