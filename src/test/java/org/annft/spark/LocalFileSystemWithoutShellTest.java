package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemWithoutShellTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void permissionsMapBitForBit() {
        assertEquals("rwxr-x---", PosixFilePermissions.toString(LocalFileSystemWithoutShell.posix(new FsPermission((short) 0750))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(LocalFileSystemWithoutShell.posix(new FsPermission((short) 0644))));
        assertEquals("-w---x-wx", PosixFilePermissions.toString(LocalFileSystemWithoutShell.posix(new FsPermission((short) 0213))));
    }

    /** Files and directories created through Hadoop get the permissions Hadoop asked for, umask applied. */
    @Test
    void createdFilesAndDirectoriesGetTheirPermissions() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", LocalFileSystemWithoutShell.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        conf.set("fs.permissions.umask-mode", "027");
        try (FileSystem fs = FileSystem.get(URI.create("file:///"), conf)) {
            assertInstanceOf(LocalFileSystemWithoutShell.class, fs);
            Path directory = new Path(dir.toUri().toString(), "table");
            fs.mkdirs(directory, new FsPermission((short) 0777));
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("table"))));
            try (FSDataOutputStream out = fs.create(new Path(directory, "part-0"), new FsPermission((short) 0666), true,
                    4096, (short) 1, 1 << 20, null)) {
                out.writeUTF("annft");
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("table").resolve("part-0"))));
            fs.setPermission(new Path(directory, "part-0"), new FsPermission((short) 0400));
            assertEquals("r--------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("table").resolve("part-0"))));
        }
    }
}
