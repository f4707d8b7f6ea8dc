// Administrative procedures (TTHC) with their national codes, copied from the project's TTHC sample list
// (see docs/decisions/003-demo-data.md). `confirmed`: the code was found in at least two
// independent public sources; the others come from one source only. Names are short forms;
// field labels and the xã/tỉnh level were inferred for the two-level model (since 01/07/2025).

export interface TthcRow {
  code: string;
  name: string;
  field: string;
  level: "xa" | "tinh";
  confirmed: boolean;
}

export const TTHC: readonly TthcRow[] = [
  { code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.000894", name: "Đăng ký kết hôn", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.000656", name: "Đăng ký khai tử", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "2.000635", name: "Cấp bản sao trích lục hộ tịch (bản sao Giấy khai sinh)", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.004884", name: "Đăng ký lại khai sinh", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.005461", name: "Đăng ký lại khai tử", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.000689", name: "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.001022", name: "Đăng ký nhận cha, mẹ, con", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.004837", name: "Đăng ký giám hộ", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.004845", name: "Đăng ký chấm dứt giám hộ", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.000593", name: "Đăng ký kết hôn lưu động", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.000419", name: "Đăng ký khai tử lưu động", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.004859", name: "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "2.000528", name: "Đăng ký khai sinh có yếu tố nước ngoài", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "2.000806", name: "Đăng ký kết hôn có yếu tố nước ngoài", field: "Hộ tịch", level: "xa", confirmed: true },
  { code: "1.000110", name: "Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.000094", name: "Đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "1.010824", name: "Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất", field: "Hộ tịch", level: "xa", confirmed: false },
  { code: "2.001263", name: "Đăng ký việc nuôi con nuôi trong nước", field: "Nuôi con nuôi", level: "xa", confirmed: true },
  { code: "2.000815", name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp", field: "Chứng thực", level: "xa", confirmed: true },
  { code: "2.000884", name: "Chứng thực chữ ký trong các giấy tờ, văn bản", field: "Chứng thực", level: "xa", confirmed: true },
  { code: "2.001008", name: "Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật", field: "Chứng thực", level: "xa", confirmed: false },
  { code: "2.000942", name: "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", field: "Chứng thực", level: "xa", confirmed: false },
  { code: "1.004222", name: "Đăng ký thường trú", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.004194", name: "Đăng ký tạm trú", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.002755", name: "Gia hạn tạm trú", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.010028", name: "Xóa đăng ký tạm trú", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.003197", name: "Xóa đăng ký thường trú", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.010038", name: "Tách hộ", field: "Đăng ký cư trú", level: "xa", confirmed: true },
  { code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa", confirmed: true },
  { code: "2.000720", name: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa", confirmed: true },
  { code: "1.001570", name: "Tạm ngừng hoạt động hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa", confirmed: false },
  { code: "1.001266", name: "Chấm dứt hoạt động hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa", confirmed: false },
  { code: "2.000575", name: "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa", confirmed: false },
  { code: "1.013225", name: "Cấp giấy phép xây dựng mới (nhà ở riêng lẻ)", field: "Xây dựng", level: "xa", confirmed: true },
  { code: "1.013226", name: "Cấp điều chỉnh giấy phép xây dựng", field: "Xây dựng", level: "xa", confirmed: true },
  { code: "1.013227", name: "Gia hạn giấy phép xây dựng", field: "Xây dựng", level: "xa", confirmed: false },
  { code: "1.013228", name: "Cấp lại giấy phép xây dựng", field: "Xây dựng", level: "xa", confirmed: false },
  { code: "1.012783", name: "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", field: "Đất đai", level: "tinh", confirmed: true },
  { code: "1.012784", name: "Tách thửa hoặc hợp thửa đất", field: "Đất đai", level: "tinh", confirmed: false },
  { code: "1.012786", name: "Cấp lại Giấy chứng nhận do bị mất", field: "Đất đai", level: "tinh", confirmed: false },
  { code: "1.012753", name: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu đối với tổ chức đang sử dụng đất", field: "Đất đai", level: "tinh", confirmed: true },
  { code: "1.012812", name: "Hòa giải tranh chấp đất đai", field: "Đất đai", level: "xa", confirmed: false },
  { code: "1.001699", name: "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", field: "Bảo trợ xã hội", level: "xa", confirmed: true },
  { code: "1.001653", name: "Đổi, cấp lại Giấy xác nhận khuyết tật", field: "Bảo trợ xã hội", level: "xa", confirmed: false },
  { code: "1.001776", name: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", field: "Bảo trợ xã hội", level: "xa", confirmed: false },
  { code: "1.001731", name: "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", field: "Bảo trợ xã hội", level: "xa", confirmed: true },
  { code: "1.011607", name: "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm", field: "Giảm nghèo", level: "xa", confirmed: true },
  { code: "2.000950", name: "Công nhận tổ trưởng tổ hòa giải", field: "Hòa giải ở cơ sở", level: "xa", confirmed: false },
  { code: "2.000930", name: "Thôi làm hòa giải viên", field: "Hòa giải ở cơ sở", level: "xa", confirmed: false },
  { code: "1.014199", name: "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", field: "Lao động", level: "tinh", confirmed: true },
  { code: "1.014200", name: "Cấp lại giấy phép lao động cho người lao động nước ngoài", field: "Lao động", level: "tinh", confirmed: false },
  { code: "1.014201", name: "Gia hạn giấy phép lao động cho người lao động nước ngoài", field: "Lao động", level: "tinh", confirmed: false },
  { code: "1.014748", name: "Giải quyết hưởng trợ cấp thất nghiệp", field: "Lao động", level: "tinh", confirmed: false },
  { code: "3.000182", name: "Tuyển sinh trung học cơ sở", field: "Giáo dục", level: "xa", confirmed: false },
  { code: "1.001622", name: "Hỗ trợ ăn trưa đối với trẻ em mẫu giáo", field: "Giáo dục", level: "xa", confirmed: false },
  { code: "2.002894", name: "Cho phép trường mầm non hoạt động giáo dục", field: "Giáo dục", level: "xa", confirmed: false },
  { code: "2.001827", name: "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", field: "Y tế", level: "tinh", confirmed: false },
  { code: "3.000333", name: "Cấp Phiếu lý lịch tư pháp số 1", field: "Lý lịch tư pháp", level: "tinh", confirmed: false },
  { code: "3.000347", name: "Đổi giấy phép lái xe", field: "Giao thông vận tải", level: "tinh", confirmed: false },
];
