package io.valora.invoice.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** invoice-service's production classes (no tests), imported once for every architecture rule. */
final class MainClasses {

    private static JavaClasses imported;

    private MainClasses() {
    }

    static synchronized JavaClasses get() {
        if (imported == null) {
            imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.valora.invoice");
        }
        return imported;
    }
}
