package uz.qaror.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import uz.qaror.Language;

/** {@code --lang}: the language of reason texts. */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "uz", converter = Converter.class,
            description = "Language of the reasons: uz (default), uz-Cyrl, ru, en.")
    Language language;

    static final class Converter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.fromTag(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
