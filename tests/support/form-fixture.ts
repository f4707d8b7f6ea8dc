// A small questionnaire that uses every question type and condition the shipped ones do
// not (stars, consent with a personal question, a hidden section), for the form's tests.
import type { SurveyDefinition } from "../../app/survey/types";

const l = (vi: string, en = vi) => ({ vi, en });

export const FIXTURE_SURVEY: SurveyDefinition = {
  schemaVersion: 1,
  slug: "thu-bieu-mau",
  title: l("Phiếu thử biểu mẫu", "Form test questionnaire"),
  description: l("Dùng trong kiểm thử."),
  source: l("Hài Lòng soạn để kiểm thử."),
  sections: [
    {
      id: "chung",
      title: l("Đánh giá chung", "Overall"),
      element: true,
      questions: [
        { id: "muc-do", type: "scale5", label: l("Mức độ hài lòng chung", "Overall satisfaction"), required: true, allowNA: true },
        { id: "sao", type: "stars", label: l("Chấm sao", "Stars"), max: 5 },
        { id: "ly-do", type: "text", label: l("Vì sao chưa hài lòng?", "Why not satisfied?"), visibleIf: { q: "muc-do", op: "lte", value: 2 } },
      ],
    },
    {
      id: "chi-tiet",
      title: l("Chi tiết", "Details"),
      visibleIf: { q: "muc-do", op: "ne", value: 5 },
      questions: [
        { id: "so-lan", type: "number", label: l("Số lần đi lại", "Trips"), min: 1, max: 20, integer: true, required: true },
        { id: "kenh", type: "multi", label: l("Kênh thông tin", "Channels"), maxSelected: 2, options: [
          { id: "bao", label: l("Báo chí", "Press") }, { id: "mang", label: l("Mạng xã hội", "Social media") }, { id: "loa", label: l("Loa phát thanh", "Loudspeaker") },
        ] },
        { id: "dung-hen", type: "yesno", label: l("Đúng hẹn?", "On time?") },
      ],
    },
    {
      id: "lien-he",
      title: l("Liên hệ", "Contact"),
      questions: [
        { id: "dong-y", type: "consent", label: l("Tôi đồng ý cung cấp số điện thoại để được liên hệ lại", "I agree to give my phone number") },
        { id: "dien-thoai", type: "text", label: l("Số điện thoại", "Phone number"), personal: true, maxLength: 20 },
        { id: "y-kien", type: "text", label: l("Góp ý", "Comments"), multiline: true },
      ],
    },
  ],
};
