package uz.qaror.internal.explain;

import java.util.Map;

import uz.qaror.Language;
import uz.qaror.Outcome;
import uz.qaror.internal.LanguageTexts;

/** The headings and phrases of an explanation in the four languages of the portal. */
final class Labels {

    private static final Map<String, Map<Language, String>> TEXTS = Map.ofEntries(
            entry("outcome", "Qaror", "Қарор", "Решение", "Outcome"),
            entry("application", "Ariza", "Ариза", "Заявление", "Application"),
            entry("service", "Xizmat", "Хизмат", "Услуга", "Service"),
            entry("asOf", "Qoidalar sanasi", "Қоидалар санаси", "Правила на дату", "Rules as of"),
            entry("rulesVersion", "Qoidalar versiyasi", "Қоидалар версияси", "Версия правил", "Rules version"),
            entry("dueDate", "Ko'rib chiqish muddati", "Кўриб чиқиш муддати", "Срок рассмотрения", "Due date"),
            entry("reasons", "Sabablar", "Сабаблар", "Причины", "Reasons"),
            entry("rules", "Qaror chiqargan qoidalar", "Қарор чиқарган қоидалар", "Сработавшие правила",
                    "Rules that decided"),
            entry("noRules", "Hech bir qoida ishlamadi", "Ҳеч бир қоида ишламади", "Ни одно правило не сработало",
                    "No rule fired"),
            entry("legalBasis", "huquqiy asos", "ҳуқуқий асос", "правовое основание", "legal basis"),
            entry("matched", "mos kelgan faktlar", "мос келган фактлар", "сопоставленные факты", "facts matched"),
            entry("values", "qiymatlar", "қийматлар", "значения", "values"),
            entry("parameters", "Parametrlar", "Параметрлар", "Параметры", "Parameters"),
            entry("effective", "amalda", "амалда", "действует с", "in force from"),
            entry("fee", "To'lov", "Тўлов", "Пошлина", "Fee"),
            entry("bca", "BHM", "БҲМ", "БРВ", "BCA"),
            entry("bcaValue", "1 BHM", "1 БҲМ", "1 БРВ", "1 BCA"),
            entry("total", "Jami", "Жами", "Итого", "Total"),
            entry("amounts", "Summalar", "Суммалар", "Суммы", "Amounts"),
            entry("missing", "Nimani taqdim etish kerak", "Нимани тақдим этиш керак", "Что нужно представить",
                    "What to supply"),
            entry("soum", "so'm", "сўм", "сум", "soum"));

    private static final Map<Outcome, Map<Language, String>> MEANINGS = Map.of(
            Outcome.APPROVED, texts("Ariza qanoatlantirildi: xizmat ko'rsatiladi.",
                    "Ариза қаноатлантирилди: хизмат кўрсатилади.",
                    "Заявление одобрено: услуга будет оказана.",
                    "The application is approved: the service is granted."),
            Outcome.REJECTED, texts("Ariza rad etildi: quyidagi sabablarga ko'ra xizmat ko'rsatilmaydi.",
                    "Ариза рад этилди: қуйидаги сабабларга кўра хизмат кўрсатилмайди.",
                    "В заявлении отказано по причинам ниже.",
                    "The application is rejected for the reasons below."),
            Outcome.REFERRED, texts("Ariza mas'ul xodimga yuborildi: qarorni inson qabul qiladi.",
                    "Ариза масъул ходимга юборилди: қарорни инсон қабул қилади.",
                    "Заявление передано сотруднику: решение примет человек.",
                    "The application is referred to an officer, who decides."),
            Outcome.INCOMPLETE, texts("Ariza to'liq emas: quyidagilarni taqdim etib, qayta yuboring.",
                    "Ариза тўлиқ эмас: қуйидагиларни тақдим этиб, қайта юборинг.",
                    "Заявление неполное: представьте указанное ниже и отправьте его снова.",
                    "The application is incomplete: supply what is listed below and submit it again."));

    private Labels() {
    }

    static String get(String key, Language language) {
        return TEXTS.get(key).get(language);
    }

    static String meaning(Outcome outcome, Language language) {
        return MEANINGS.get(outcome).get(language);
    }

    private static Map.Entry<String, Map<Language, String>> entry(String key, String uz, String cyrl, String ru,
                                                                   String en) {
        return Map.entry(key, texts(uz, cyrl, ru, en));
    }

    private static Map<Language, String> texts(String uz, String cyrl, String ru, String en) {
        return LanguageTexts.of(uz, cyrl, ru, en);
    }
}
