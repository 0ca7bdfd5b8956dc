package dev.shipshape.bench.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.shipshape.catalog.importing.CatalogImport;
import dev.shipshape.catalog.importing.DescriptorFile;
import dev.shipshape.catalog.importing.ImportPlan;
import dev.shipshape.catalog.importing.ImportRequest;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Imports a generated descriptor set (by default 10,000 components, 1,000 groups, 5,000 users) with
 * a preview and an apply, and inserts the same rows with plain JDBC batches, side by side on fresh
 * databases of the same server, and prints the times and their ratio. The first round warms the
 * JVM up and is not counted; the ratio is the median of the other rounds.
 * <p>
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.shipshape.bench.catalog.CatalogImportBenchmark
 * [components groups users rounds]}
 */
public final class CatalogImportBenchmark {

	private CatalogImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int components = argument(args, 0, 10_000);
		int groups = argument(args, 1, 1_000);
		int users = argument(args, 2, 5_000);
		int rounds = argument(args, 3, 3);
		DescriptorSet set = DescriptorSet.generate(components, groups, users);
		Path file = Files.createTempFile("shipshape-bench-", ".yaml");
		set.write(file);
		System.out.printf(Locale.ROOT, "Descriptors: %,d components, %,d groups, %,d users in %s (%.1f MB); max heap %d MB%n",
				components, groups, users, file, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
		List<Double> ratios = new ArrayList<>();
		try (BenchDatabase database = BenchDatabase.start()) {
			System.out.println("PostgreSQL: " + database.description());
			for (int round = 0; round <= rounds; round++) {
				double jdbc = baseline(database, set);
				Measurement imported = importing(database, file);
				double ratio = imported.total() / jdbc;
				System.out.printf(Locale.ROOT,
						"%s: JDBC batch inserts %.2f s | import preview %.2f s + apply %.2f s = %.2f s | ratio %.2f | "
								+ "peak heap %d MB | %s%n",
						(round == 0) ? "warm-up" : "round " + round, jdbc, imported.preview(), imported.apply(),
						imported.total(), ratio, imported.peakHeapMb(), imported.summary());
				if (round > 0) {
					ratios.add(ratio);
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		ratios.sort(null);
		System.out.printf(Locale.ROOT, "Median ratio import (preview + apply) / plain JDBC inserts: %.2f%n",
				ratios.get(ratios.size() / 2));
	}

	private static double baseline(BenchDatabase database, DescriptorSet set) throws Exception {
		DataSource dataSource = database.fresh();
		try {
			long start = System.nanoTime();
			JdbcBaseline.insert(dataSource, set);
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			database.drop(dataSource);
		}
	}

	private record Measurement(double preview, double apply, long peakHeapMb, String summary) {

		double total() {
			return this.preview + this.apply;
		}
	}

	private static Measurement importing(BenchDatabase database, Path file) throws Exception {
		DataSource dataSource = database.fresh();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(DataSource.class, () -> dataSource);
			context.register(ImportConfiguration.class);
			context.refresh();
			CatalogImport catalogImport = context.getBean(CatalogImport.class);
			ImportRequest request = ImportRequest.of("benchmark",
					new DescriptorFile(file.getFileName().toString(), new FileSystemResource(file)));
			System.gc();
			resetPeakHeap();
			long start = System.nanoTime();
			ImportPlan preview = catalogImport.preview(request);
			long previewed = System.nanoTime();
			ImportPlan applied = catalogImport.apply(request);
			long done = System.nanoTime();
			if (!preview.acceptable() || !applied.applied()) {
				throw new IllegalStateException("The generated descriptors were refused: " + applied.problems());
			}
			return new Measurement((previewed - start) / 1e9, (done - previewed) / 1e9, peakHeap() >> 20,
					applied.summary().created() + " created, " + rows(new JdbcTemplate(dataSource)));
		}
		finally {
			database.drop(dataSource);
		}
	}

	private static String rows(JdbcTemplate jdbc) {
		StringBuilder rows = new StringBuilder();
		for (String table : List.of("teams", "people", "team_members", "services", "service_tags", "service_links",
				"service_dependencies")) {
			rows.append(rows.isEmpty() ? "" : " ").append(table).append('=')
				.append(jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return rows.toString();
	}

	private static void resetPeakHeap() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return heapPools().stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter((pool) -> pool.getType() == MemoryType.HEAP).toList();
	}

	private static int argument(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

	/** The catalog import on a plain data source, without the rest of the portal. */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = CatalogImport.class)
	static class ImportConfiguration {

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}
}
