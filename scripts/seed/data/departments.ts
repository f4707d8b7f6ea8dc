// Provincial agencies of the demo province, from the project's sample list of departments: the 12
// agencies every province must have (Nghị định 45/2025/NĐ-CP, restated by NĐ 150/2025/NĐ-CP)
// and the Ban Quản lý các khu công nghiệp (not a "sở", but it receives TTHC). The short codes
// (SNV, STP, …) were INVENTED for the demo; unit codes are "24." + that code.
// `weight` = relative number of responses; `fields` = TTHC fields (tthc.ts) the agency handles.

export interface DepartmentRow {
  code: string;
  name: string;
  level: "so" | "ban";
  weight: number;
  fields: readonly string[];
}

export const DEPARTMENTS: readonly DepartmentRow[] = [
  // Labour, employment and work permits moved to Sở Nội vụ with the 2025 ministry merger.
  { code: "SNV", name: "Sở Nội vụ", level: "so", weight: 5, fields: ["Lao động"] },
  { code: "STP", name: "Sở Tư pháp", level: "so", weight: 4, fields: ["Lý lịch tư pháp"] },
  { code: "STC", name: "Sở Tài chính", level: "so", weight: 3, fields: [] },
  { code: "SCT", name: "Sở Công Thương", level: "so", weight: 2, fields: [] },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", level: "so", weight: 6, fields: ["Đất đai"] },
  { code: "SXD", name: "Sở Xây dựng", level: "so", weight: 2.5, fields: [] },
  // Small on purpose: fewer than 30 responses a year exercise the "ít mẫu" (small sample) flag.
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", level: "so", weight: 0.12, fields: [] },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", level: "so", weight: 1, fields: [] },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", level: "so", weight: 1.5, fields: [] },
  { code: "SYT", name: "Sở Y tế", level: "so", weight: 2.5, fields: ["Y tế"] },
  { code: "TTT", name: "Thanh tra tỉnh", level: "so", weight: 0.08, fields: [] },
  { code: "VPUBND", name: "Văn phòng Ủy ban nhân dân tỉnh", level: "so", weight: 0.1, fields: [] },
  { code: "BQLKKT", name: "Ban Quản lý các khu công nghiệp tỉnh", level: "ban", weight: 1.5, fields: ["Lao động"] },
];
