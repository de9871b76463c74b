package org.strongroom.restore.tool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Both README commands leave {@code target/strongroom-recover.jar}: the run command ({@code mvn -Prun package})
 * starts the server in the package phase and does not return, so the tool must be assembled in an earlier phase.
 */
class RecoveryToolBuildTest {

    private static final List<String> LIFECYCLE = List.of("validate", "initialize", "generate-sources", "process-sources",
            "generate-resources", "process-resources", "compile", "process-classes", "generate-test-sources",
            "process-test-sources", "generate-test-resources", "process-test-resources", "test-compile",
            "process-test-classes", "test", "prepare-package", "package");

    private static String phaseOf(Document pom, String executionId) {
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if (executionId.equals(text(execution, "id"))) {
                return text(execution, "phase");
            }
        }
        throw new AssertionError("pom.xml has no execution " + executionId);
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    @Test
    void recoveryTool_isAssembledInAPhaseBeforeTheRunProfileStartsTheServer() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        int tool = LIFECYCLE.indexOf(phaseOf(pom, "recovery-tool"));
        int server = LIFECYCLE.indexOf(phaseOf(pom, "run-wildfly"));
        assertTrue(tool >= 0 && server >= 0 && tool < server,
                "recovery-tool in " + phaseOf(pom, "recovery-tool") + ", run-wildfly in " + phaseOf(pom, "run-wildfly"));
    }
}
