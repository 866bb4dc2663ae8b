package uz.qaror.server;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.Language;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.input.IdentifierType;
import uz.qaror.internal.json.Json;

/**
 * What a portal needs to draw a service's form: for each declared input, the control that edits it and its
 * label in the four languages. A {@code form.*} input has the type its descriptor declares; the common citizen
 * data ({@code applicant.*}, {@code household.*}) have fixed types and labels, given here where a descriptor
 * leaves them out; a {@code documents.*} input is a document the applicant attaches or not.
 */
final class InputForms {

    /** The control and the default labels (uz, uz-Cyrl, ru, en) of a common input. */
    private record Common(String control, List<String> values, String uz, String cyrl, String ru, String en) {
    }

    private static final Map<String, Common> COMMON = Map.ofEntries(
            Map.entry("applicant.pinfl", new Common("text", List.of(), "JShShIR", "ЖШШИР", "ПИНФЛ",
                    "personal identification number (PINFL)")),
            Map.entry("applicant.birthDate", new Common("date", List.of(), "tug'ilgan sana", "туғилган сана",
                    "дата рождения", "birth date")),
            Map.entry("applicant.sex", new Common("enum", List.of("M", "F"), "jinsi", "жинси", "пол", "sex")),
            Map.entry("applicant.citizenship", new Common("text", List.of(), "fuqaroligi", "фуқаролиги",
                    "гражданство", "citizenship")),
            Map.entry("applicant.address", new Common("json", List.of(), "manzil (SOATO)", "манзил (СОАТО)",
                    "адрес (СОАТО)", "address (SOATO)")),
            Map.entry("applicant.phone", new Common("text", List.of(), "telefon raqami", "телефон рақами",
                    "номер телефона", "phone number")),
            Map.entry("applicant.passport", new Common("text", List.of(), "pasport raqami", "паспорт рақами",
                    "номер паспорта", "passport number")),
            Map.entry("applicant.stir", new Common("text", List.of(), "STIR", "СТИР", "ИНН",
                    "taxpayer number (STIR)")),
            Map.entry("applicant.disabilityGroup", new Common("integer", List.of(), "nogironlik guruhi",
                    "ногиронлик гуруҳи", "группа инвалидности", "disability group")),
            Map.entry("applicant.monthlyIncome", new Common("number", List.of(), "oylik daromad (so'm)",
                    "ойлик даромад (сўм)", "ежемесячный доход (сум)", "monthly income (soum)")),
            Map.entry("applicant.serviceYears", new Common("number", List.of(), "ish staji (yil)",
                    "иш стажи (йил)", "трудовой стаж (лет)", "years of service")),
            Map.entry("household", new Common("json", List.of(), "oila", "оила", "семья", "household")),
            Map.entry("household.members", new Common("json", List.of(), "oila a'zolari", "оила аъзолари",
                    "члены семьи", "household members")),
            Map.entry("household.properties", new Common("json", List.of(), "mol-mulk", "мол-мулк",
                    "имущество", "property")),
            Map.entry("household.vehicles", new Common("json", List.of(), "transport vositalari",
                    "транспорт воситалари", "транспортные средства", "vehicles")),
            Map.entry("household.bankBalance", new Common("number", List.of(), "bankdagi mablag' (so'm)",
                    "банкдаги маблағ (сўм)", "остаток на банковских счетах (сум)", "bank balance (soum)")));

    private InputForms() {
    }

    /** The descriptor's inputs, each with {@code control} and {@code labels} in every language. */
    static ArrayNode inputs(ServiceDescriptor descriptor) {
        ArrayNode inputs = Json.JSON.createArrayNode();
        for (ServiceDescriptor.Input input : descriptor.inputs()) {
            Common common = COMMON.get(input.path());
            ObjectNode node = inputs.addObject();
            node.put("path", input.path());
            node.put("control", control(input, common));
            node.put("required", input.required());
            if (input.type() != null) {
                node.put("type", input.type());
            }
            List<String> values = !input.values().isEmpty() ? input.values()
                    : common == null ? List.of() : common.values();
            if (!values.isEmpty()) {
                ArrayNode list = node.putArray("values");
                values.forEach(list::add);
            }
            ObjectNode labels = node.putObject("labels");
            for (Language language : Language.values()) {
                labels.put(language.tag(), label(input, common, language));
            }
        }
        return inputs;
    }

    private static String control(ServiceDescriptor.Input input, Common common) {
        if (input.path().startsWith("documents.")) {
            return "document";
        }
        if (input.type() != null) {
            // An identifier (pinfl, stir, passport, phone, soato) is typed as text; its type says how it is checked.
            boolean text = input.type().equals("string") || IdentifierType.of(input.type()).isPresent();
            return text ? "text" : input.type();
        }
        return common == null ? "text" : common.control();
    }

    private static String label(ServiceDescriptor.Input input, Common common, Language language) {
        String own = input.labels().get(language.tag());
        if (own != null) {
            return own;
        }
        if (common != null) {
            return switch (language) {
                case UZ -> common.uz();
                case UZ_CYRL -> common.cyrl();
                case RU -> common.ru();
                case EN -> common.en();
            };
        }
        String uz = input.labels().get(Language.UZ.tag());
        return uz != null ? uz : input.path().substring(input.path().indexOf('.') + 1);
    }
}
