package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    private static Properties props(String version, String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        return p;
    }

    @Test
    void theBuildCarriesTheFilteredVersionAndCommit() {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).as("resource filtering ran").matches("\\d+\\.\\d+\\.\\d+.*");
        if (Files.exists(Path.of(".git"))) { // a checkout or a linked worktree: git knows the commit
            assertThat(build.commit()).matches("[0-9a-f]{7,40}(-dirty)?");
        } else {
            assertThat(build.commit()).isEqualTo("unknown");
        }
    }

    @Test
    void placeholdersFilteringLeftReadUnknown() {
        BuildInfo build = BuildInfo.of(props("${project.version}", "${git.commit}", "${git.dirty}"));
        assertThat(build).isEqualTo(new BuildInfo("unknown", "unknown"));
    }

    @Test
    void noCommitOutsideAGitCheckout() {
        assertThat(BuildInfo.of(props("1.2.3", "", "true")).commit()).isEqualTo("unknown");
    }

    @Test
    void aWorkTreeWithChangesIsMarkedDirty() {
        assertThat(BuildInfo.of(props("1.2.3", "be8c4b6c47ca", "true")).commit()).isEqualTo("be8c4b6c47ca-dirty");
        assertThat(BuildInfo.of(props("1.2.3", "be8c4b6c47ca", "false")).commit()).isEqualTo("be8c4b6c47ca");
    }
}
