/**
 * Qaror's decision engine. Embedders use {@code uz.qaror} (the engine, decisions and failures) and, in rule files,
 * {@code uz.qaror.facts}; everything under {@code uz.qaror.internal} is exported only to Qaror's own modules and may
 * change at any time.
 */
module uz.qaror.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.networknt.schema;
    // networknt reads date-time formats with it, but requires it only statically
    requires com.ethlo.time;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.apache.commons.text;
    requires org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    // services compiled together are split into KieBases of their own (ServiceCompiler.compileTogether)
    requires org.drools.core;
    requires org.drools.kiesession;
    requires org.drools.drl.parser;
    requires org.drools.drl.ast;
    requires org.drools.decisiontables;
    requires org.drools.templates;
    // java.beans: explain reads the facts' properties as beans, as Drools reads them
    requires java.desktop;
    // the time budget counts the deciding thread's CPU time
    requires java.management;
    requires org.slf4j;

    exports uz.qaror;
    // Rules are compiled against the facts and read them reflectively; the compiler reads their class files
    opens uz.qaror.facts;
    exports uz.qaror.facts;

    exports uz.qaror.internal to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.build to uz.qaror.catalog.prebuilt, uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.catalog to uz.qaror.catalog.prebuilt, uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.explain to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.input to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.json to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.params to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.reload to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.run to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.screen to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;
    exports uz.qaror.internal.table to uz.qaror.tools, uz.qaror.spreadsheet, uz.qaror.cli, uz.qaror.server, uz.qaror.spark;

    // Excel workbook tables are read by the optional rules-spreadsheet module, found through the service loader
    uses uz.qaror.internal.table.WorkbookReader;
    // The embedded catalog's rules compiled at build time, by the optional rules-catalog-prebuilt module
    uses uz.qaror.internal.build.PrebuiltRules;

    // Descriptors, parameters and calendars are read by Jackson
    opens uz.qaror to com.fasterxml.jackson.databind;
    opens uz.qaror.internal.catalog to com.fasterxml.jackson.databind;
    opens uz.qaror.internal.params to com.fasterxml.jackson.databind;
    opens uz.qaror.internal.run to com.fasterxml.jackson.databind;
}
