package org.apache.hadoop.fs;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system of a full disk, under the scheme {@code fulldisk:}, for tests (in Hadoop's
 * package because {@link FSError}'s constructor is package-private): a file is created, and
 * its first write fails as Hadoop's local file system reports it, with an {@link FSError} (an
 * {@code Error}, not an {@code IOException}) wrapping "No space left on device".
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {

    @Override
    public java.net.URI getUri() {
        return java.net.URI.create("fulldisk:///");
    }

    @Override
    public String getScheme() {
        return "fulldisk";
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        FSDataOutputStream real = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        return spared(f) ? real : full(real);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        FSDataOutputStream real = super.create(f, overwrite, bufferSize, replication, blockSize, progress);
        return spared(f) ? real : full(real);
    }

    /** Files whose name matches {@code fs.fulldisk.spare} (a regex; none by default) are written normally. */
    private boolean spared(Path f) {
        String spare = getConf() == null ? null : getConf().get("fs.fulldisk.spare");
        return spare != null && f.getName().matches(spare);
    }

    /** A stream on the created file whose every write fails as a full disk's does. */
    private static FSDataOutputStream full(FSDataOutputStream real) throws IOException {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) {
                throw new FSError(new IOException("No space left on device"));
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new FSError(new IOException("No space left on device"));
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        return new FSDataOutputStream(full, null);
    }

    /** A configuration in which {@code fulldisk:} paths are served by this file system. */
    public static org.apache.hadoop.conf.Configuration configuration() {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        conf.set("fs.fulldisk.impl", FullDiskFileSystem.class.getName());
        conf.setBoolean("fs.fulldisk.impl.disable.cache", true);
        return conf;
    }
}
