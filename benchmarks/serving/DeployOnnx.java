import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.stages.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Puts an ONNX regressor where a worker started with {@code --home HOME} serves it: stored through
 * {@link ModelStore#store(ModelMetadata, ModelFormat, byte[])} in {@code HOME/artifacts} (as a
 * training command's model will be) and deployed by writing {@code HOME/serving/NAME/current.json},
 * the pointer a local deploy writes. The ONNX benchmark's stand-in for a pipeline run that does not
 * exist yet; run with the worker's own classes (benchmarks/onnx-serving.sh).
 *
 * <pre>java -cp 'EXTRACTED/tollgate.jar:EXTRACTED/lib/*' DeployOnnx.java HOME NAME model.onnx TARGET FEATURE...</pre>
 */
public final class DeployOnnx {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    String name = args[1];
    byte[] onnx = Files.readAllBytes(Path.of(args[2]));
    String target = args[3];
    List<String> features = List.of(args).subList(4, args.length);
    var metadata =
        new ModelMetadata(name, "onnx", Map.of(), features, target, Map.of(), "benchmark", 0, 0, 0,
            0.0, null, Runtime.version().toString(), Instant.now().toString(), null, Map.of(),
            "regression", null, null, null, null, null, null, null, null);
    ModelStore store = new ModelStore(new LocalArtifactStore(home.resolve("artifacts")));
    var stored = store.store(metadata, ModelFormat.ONNX, onnx);
    var version = new ModelVersion(name, 1, "benchmark", stored.uri(), stored.digest(), Map.of());
    ServingPointer.of(version, "benchmark", name, null)
        .write(home.resolve("serving").resolve(name).resolve("current.json"));
    System.out.println(stored.uri());
  }
}
