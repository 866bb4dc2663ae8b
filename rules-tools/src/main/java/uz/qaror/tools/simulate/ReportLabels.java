package uz.qaror.tools.simulate;

import java.util.Map;

import uz.qaror.Language;
import uz.qaror.internal.LanguageTexts;

/** The words of the simulation report in the four languages of the portal. */
final class ReportLabels {

    private static final Map<String, Map<Language, String>> TEXTS = Map.ofEntries(
            entry("title", "Taklif etilayotgan qoidalar nimani o'zgartiradi",
                    "Таклиф этилаётган қоидалар нимани ўзгартиради", "Что изменят предлагаемые правила",
                    "What the proposed rules would change"),
            entry("baseline", "Amaldagi qoidalar", "Амалдаги қоидалар", "Действующие правила", "Rules in force"),
            entry("candidate", "Taklif etilgan qoidalar", "Таклиф этилган қоидалар", "Предлагаемые правила",
                    "Proposed rules"),
            entry("asOf", "Baholash sanasi", "Баҳолаш санаси", "Дата оценки", "Judged as of"),
            entry("eachDate", "har bir arizaning topshirilgan sanasi", "ҳар бир аризанинг топширилган санаси",
                    "дата подачи каждого заявления", "each application's submission date"),
            entry("applications", "Arizalar", "Аризалар", "Заявления", "Applications"),
            entry("outcomeChanged", "Qarori o'zgaradi", "Қарори ўзгаради", "Изменится решение",
                    "Outcome changes"),
            entry("amountsOnly", "Faqat summa yoki to'lov o'zgaradi", "Фақат сумма ёки тўлов ўзгаради",
                    "Изменится только сумма или пошлина", "Only an amount or the fee changes"),
            entry("unchanged", "O'zgarmaydi", "Ўзгармайди", "Без изменений", "Unchanged"),
            entry("matrixAll", "Barcha xizmatlar: avvalgi qaror (qatorlar) va yangi qaror (ustunlar)",
                    "Барча хизматлар: аввалги қарор (қаторлар) ва янги қарор (устунлар)",
                    "Все услуги: решение сейчас (строки) и по новым правилам (столбцы)",
                    "All services: outcome now (rows) and under the proposed rules (columns)"),
            entry("matrixNote", "Diagonaldagi kataklar qarori o'zgarmaydigan arizalar (ularning summasi yoki"
                            + " to'lovi o'zgarishi mumkin).",
                    "Диагоналдаги катаклар қарори ўзгармайдиган аризалар (уларнинг суммаси ёки тўлови ўзгариши"
                            + " мумкин).",
                    "На диагонали заявления, решение по которым не меняется (сумма или пошлина могут измениться).",
                    "The diagonal holds the applications whose outcome stays (their amounts or fee may change)."),
            entry("beforeAfter", "hozir \\ keyin", "ҳозир \\ кейин", "сейчас \\ после", "now \\ proposed"),
            entry("transitions", "Qaror o'zgarishlari", "Қарор ўзгаришлари", "Изменения решений",
                    "Outcome changes"),
            entry("noTransitions", "Hech bir arizaning qarori o'zgarmaydi.", "Ҳеч бир аризанинг қарори ўзгармайди.",
                    "Ни одно решение не меняется.", "No outcome changes."),
            entry("amounts", "Summalar va to'lovlar", "Суммалар ва тўловлар", "Суммы и пошлины",
                    "Amounts and fees"),
            entry("noAmounts", "Hech bir summa yoki to'lov o'zgarmaydi.", "Ҳеч бир сумма ёки тўлов ўзгармайди.",
                    "Ни одна сумма или пошлина не меняется.", "No amount or fee changes."),
            entry("service", "Xizmat", "Хизмат", "Услуга", "Service"),
            entry("amount", "Summa", "Сумма", "Сумма", "Amount"),
            entry("fee", "To'lov", "Тўлов", "Пошлина", "Fee"),
            entry("changedApplications", "O'zgaradigan arizalar", "Ўзгарадиган аризалар", "Заявлений с изменением",
                    "Applications that change"),
            entry("totalDelta", "Jami farq", "Жами фарқ", "Всего разница", "Total difference"),
            entry("byService", "Xizmatlar bo'yicha", "Хизматлар бўйича", "По услугам", "By service"),
            entry("of", "dan", "дан", "из", "of"),
            entry("servicesUnchanged", "O'zgarishsiz xizmatlar", "Ўзгаришсиз хизматлар", "Услуги без изменений",
                    "Services without changes"),
            entry("chart", "Qarorlar soni: hozir va taklif bo'yicha", "Қарорлар сони: ҳозир ва таклиф бўйича",
                    "Число решений: сейчас и по предлагаемым правилам", "Decisions by outcome: now and proposed"),
            entry("samples", "Namuna arizalar", "Намуна аризалар", "Примеры заявлений", "Sample applications"),
            entry("changes", "O'zgaradigan arizalar ro'yxati", "Ўзгарадиган аризалар рўйхати",
                    "Список заявлений с изменениями", "The applications that change"),
            entry("record", "Yozuv", "Ёзув", "Запись", "Record"),
            entry("application", "Ariza", "Ариза", "Заявление", "Application"),
            entry("before", "Hozir", "Ҳозир", "Сейчас", "Now"),
            entry("after", "Taklif bo'yicha", "Таклиф бўйича", "По новым правилам", "Proposed"),
            entry("whatChanged", "Nima o'zgaradi", "Нима ўзгаради", "Что меняется", "What changes"),
            entry("listed", "JSON hisobotdagi o'zgargan arizalar", "JSON ҳисоботдаги ўзгарган аризалар",
                    "Заявлений с изменениями в JSON-отчёте", "Applications that change, listed in the JSON report"),
            entry("shown", "bu yerda ko'rsatilgani", "бу ерда кўрсатилгани", "показано здесь", "shown here"),
            entry("soum", "so'm", "сўм", "сум", "soum"),
            entry("APPROVED", "Qanoatlantirildi", "Қаноатлантирилди", "Одобрено", "Approved"),
            entry("REJECTED", "Rad etildi", "Рад этилди", "Отказано", "Rejected"),
            entry("REFERRED", "Xodimga yuborildi", "Ходимга юборилди", "Передано сотруднику", "Referred"),
            entry("INCOMPLETE", "Ma'lumot yetarli emas", "Маълумот етарли эмас", "Не хватает сведений",
                    "Incomplete"),
            entry("ERROR", "Xato", "Хато", "Ошибка", "Error"));

    private ReportLabels() {
    }

    /** The text of a key; the key itself when there is none (an outcome the report does not know). */
    static String get(String key, Language language) {
        Map<Language, String> texts = TEXTS.get(key);
        return texts == null ? key : texts.get(language);
    }

    private static Map.Entry<String, Map<Language, String>> entry(String key, String uz, String uzCyrl, String ru,
                                                                    String en) {
        return Map.entry(key, LanguageTexts.of(uz, uzCyrl, ru, en));
    }
}
