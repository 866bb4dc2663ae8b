package uz.qaror.internal.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.params.ParameterTable;

/**
 * Everything a service's folder holds, read and parsed: descriptor, reason texts, rule files, the parameters it
 * can read (shared and its own) and the content hash that versions all of them. Everything was parsed from
 * {@code files}, the bytes read once; rule files are compiled from them too ({@link #content}).
 *
 * @param reasons reason code to texts by language tag
 * @param files   the bytes read, whose hash is {@code version}
 */
public record ServiceFolder(
        ServiceDescriptor descriptor,
        Path directory,
        String displayDirectory,
        Map<String, Map<String, String>> reasons,
        List<Path> ruleFiles,
        List<Path> otherFiles,
        ParameterTable parameters,
        HolidayCalendar.WorkingDays workingDays,
        String version,
        ServiceFiles files) {

    public ServiceFolder {
        reasons = Map.copyOf(reasons);
        ruleFiles = List.copyOf(ruleFiles);
        otherFiles = List.copyOf(otherFiles);
    }

    public String id() {
        return descriptor.id();
    }

    /** The content of one of the service's files as read for this version (rule files above all). */
    public byte[] content(Path file) {
        byte[] content = files.content(file);
        if (content == null) {
            throw new IllegalArgumentException(display(file) + " is not a file of this version of the service");
        }
        return content;
    }

    /** How a file of this folder is named in diagnostics, e.g. {@code rules/services/x/rules.drl}. */
    public String display(Path file) {
        return displayDirectory + "/" + directory.relativize(file).toString().replace('\\', '/');
    }
}
