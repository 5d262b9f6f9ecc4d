package descent.kernel;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.interpolation.ModelInterpolator;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Maven artifacts for {@code %maven} and {@code %loadFromPOM}, resolved with their transitive
 * runtime dependencies by Apache Maven Resolver, as Maven itself does.
 *
 * <p>Remote repositories: Central (Maven's own default, or the {@code maven.repo.central} system
 * property, as in Maven) and those added with {@code %mavenRepo} or declared in a loaded POM.
 * Local repository: {@code ~/.m2/repository}, or the {@code maven.repo.local} system property. It
 * is read as a plain folder of artifacts (Maven's "simple" layout), so whatever is cached there
 * resolves offline, wherever it was first downloaded from. Checksums must match: a wrong one is
 * an error, not a warning.
 *
 * <p>A failure resolves nothing: the message names each coordinate that failed and why (not
 * found, a repository that cannot be reached, a checksum that does not match).
 */
final class MavenDependencies {

    /** Why resolving failed, one line per coordinate. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final List<RemoteRepository> repositories = new ArrayList<>();
    private RepositorySystem system;

    MavenDependencies() {
        String central = System.getProperty(ModelInterpolator.MAVEN_REPO_CENTRAL_KEY,
                ModelInterpolator.DEFAULT_MAVEN_REPO_CENTRAL_URL);
        repositories.add(remote("central", central));
    }

    /** The local repository: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Adds a remote repository, searched after those already known; the same id replaces it. */
    void addRepository(String id, String url) {
        repositories.removeIf(r -> r.getId().equals(id));
        repositories.add(remote(id, url));
    }

    private static RemoteRepository remote(String id, String url) {
        RepositoryPolicy policy = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY,
                RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(id, "default", url).setPolicy(policy).build();
    }

    /**
     * The jars of {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version})
     * and of everything they need at run time, in class path order.
     */
    List<Path> resolve(List<String> coordinates) throws Failure {
        List<Dependency> dependencies = new ArrayList<>();
        for (String coordinate : coordinates) {
            try {
                dependencies.add(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new Failure(coordinate + ": not a Maven coordinate (group:artifact:version): " + e.getMessage());
            }
        }
        return resolve(dependencies, List.of(), Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME));
    }

    /**
     * The jars of the dependencies a POM declares in {@code scopes} (compile and runtime when
     * empty), and of what they need at run time; the POM's repositories are added first.
     * {@code location} names the POM in messages.
     */
    List<Path> resolvePom(ModelSource pom, String location, List<String> scopes) throws Failure {
        Model model = effectiveModel(pom, location);
        for (Repository r : model.getRepositories()) {
            if (repositories.stream().noneMatch(known -> known.getId().equals(r.getId()))) {
                addRepository(r.getId(), r.getUrl());
            }
        }
        Set<String> wanted = scopes.isEmpty() ? Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME) : Set.copyOf(scopes);
        List<Dependency> dependencies = new ArrayList<>();
        for (org.apache.maven.model.Dependency d : model.getDependencies()) {
            String scope = d.getScope() == null ? JavaScopes.COMPILE : d.getScope();
            if (wanted.contains(scope)) {
                dependencies.add(dependency(d, scope));
            }
        }
        List<Dependency> managed = model.getDependencyManagement() == null ? List.of()
                : model.getDependencyManagement().getDependencies().stream()
                        .map(d -> dependency(d, d.getScope())).collect(Collectors.toList());
        return resolve(dependencies, managed, wanted);
    }

    private static Dependency dependency(org.apache.maven.model.Dependency d, String scope) {
        Artifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(),
                d.getType() == null ? "jar" : d.getType(), d.getVersion());
        List<Exclusion> exclusions = d.getExclusions().stream()
                .map(x -> new Exclusion(x.getGroupId(), x.getArtifactId(), "*", "*")).collect(Collectors.toList());
        return new Dependency(artifact, scope, d.isOptional(), exclusions);
    }

    /** The POM as Maven sees it: properties interpolated, dependency management applied. */
    private static Model effectiveModel(ModelSource pom, String location) throws Failure {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest()
                .setModelSource(pom)
                .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
                .setProcessPlugins(false)
                .setSystemProperties(System.getProperties())
                .setUserProperties(new Properties());
        try {
            return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
        } catch (ModelBuildingException e) {
            throw new Failure(location + ": " + e.getProblems().stream()
                    .filter(p -> p.getSeverity() != ModelProblem.Severity.WARNING)
                    .map(ModelProblem::getMessage).collect(Collectors.joining("; ")));
        }
    }

    private List<Path> resolve(List<Dependency> dependencies, List<Dependency> managed, Set<String> scopes)
            throws Failure {
        if (dependencies.isEmpty()) {
            return List.of();
        }
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        CollectRequest collect = new CollectRequest(dependencies, managed, List.copyOf(repositories));
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(scopes.toArray(String[]::new)));
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositories(new LocalRepository(localRepository(), "simple"))
                .setSystemProperties(System.getProperties())
                .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                .build()) {
            DependencyResult result = system.resolveDependencies(session, request);
            return result.getArtifactResults().stream().map(r -> r.getArtifact().getPath())
                    .collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new Failure(explain(e, dependencies));
        }
    }

    /** One line per artifact that failed: its coordinate and why; the whole request if none is named. */
    private String explain(DependencyResolutionException e, List<Dependency> asked) {
        Set<String> lines = new LinkedHashSet<>();
        List<ArtifactResult> results = e.getResult() == null ? List.of() : e.getResult().getArtifactResults();
        for (ArtifactResult r : results) {
            if (!r.isResolved()) {
                String coordinate = r.getRequest().getArtifact().toString();
                r.getExceptions().forEach(cause -> lines.add(coordinate + ": " + reason(cause)));
            }
        }
        if (lines.isEmpty()) {              // the graph could not be collected: a POM is missing or wrong
            lines.add(asked.stream().map(d -> d.getArtifact().toString()).collect(Collectors.joining(", "))
                    + ": " + reason(e));
        }
        return String.join("\n", lines);
    }

    /** Why, in words: not found, unreachable (offline?), checksum; else the deepest message. */
    private String reason(Throwable e) {
        String deepest = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChecksumFailureException) {
                return "checksum does not match (" + t.getMessage() + ")";
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException) {
                return "cannot reach the repository (offline?), and it is not in the local repository "
                        + localRepository() + ": " + t;
            }
            if (t instanceof ArtifactNotFoundException) {
                return "not found in " + repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")")
                        .collect(Collectors.joining(", ")) + " nor in " + localRepository();
            }
            if (t.getMessage() != null) {
                deepest = t.getMessage();
            }
        }
        return deepest == null ? e.toString() : deepest;
    }
}
