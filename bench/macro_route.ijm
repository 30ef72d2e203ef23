// Times ImageJ 1.x's built-in Process > Filters > Convolve... against this
// plugin's Convolve (n-D)... through run(), as a macro calls them, in one
// ImageJ process, on a 2048x2048 32-bit image of noise with random 7x7 and
// 31x31 kernels and replicated edges (the only edges the built-in offers).
// The built-in filters in place, so each of its runs gets a fresh copy, made
// outside the timing; the plugin makes a new image, which is timed with it.
// getTime() counts whole milliseconds, so each timed repetition runs a batch
// of filters back to back and the time per filter is the batch's over its size.
// Argument: "<repetitions>". Prints one markdown row per kernel.
reps = parseInt(getArgument());
if (isNaN(reps) || reps < 1)
	reps = 5;
setBatchMode(true);
random("seed", 1);
newImage("noise", "32-bit black", 2048, 2048, 1);
run("Add Specified Noise...", "standard=100");
print("| kernel | ImageJ Convolve... (first run) | Convolve (n-D)... (first run) "
	+ "| ImageJ Convolve... (median) | Convolve (n-D)... (median) | ImageJ / plugin |");
print("|---|---|---|---|---|---|");
timeBoth(7);
timeBoth(31);

function timeBoth(size) {
	kernel = randomKernel(size);
	coldBuiltIn = timeBuiltIn(kernel);
	coldPlugin = timePlugin(kernel);
	// NB: the JIT needs about half a second of filtering to compile the plugin's loops
	// fully (some twenty 2048x2048 images at 7x7); the medians are meant to show both
	// filters as a user's later images see them, so both are run for a while first.
	warmUp(kernel);
	builtIn = newArray(reps);
	plugin = newArray(reps);
	for (r = 0; r < reps; r++) {
		builtIn[r] = timeBuiltInBatch(kernel);
		plugin[r] = timePluginBatch(kernel);
	}
	b = median(builtIn);
	p = median(plugin);
	print("| " + size + "x" + size + " | " + coldBuiltIn + " ms | " + coldPlugin + " ms | "
		+ d2s(b, 1) + " ms | " + d2s(p, 1) + " ms | " + d2s(b / p, 1) + "x |");
}

// Filters per timed repetition; more than one, so that 1 ms steps do not matter.
function batchSize() {
	return 5;
}

// Mean time of the built-in over a batch of fresh copies, made outside the timing.
function timeBuiltInBatch(kernel) {
	n = batchSize();
	for (i = 0; i < n; i++) {
		selectImage("noise");
		run("Duplicate...", "title=copy" + i);
	}
	start = getTime();
	for (i = 0; i < n; i++) {
		selectImage("copy" + i);
		run("Convolve...", "text1=[" + kernel + "]");
	}
	elapsed = getTime() - start;
	for (i = 0; i < n; i++)
		close("copy" + i);
	return elapsed / n;
}

// Mean time of the plugin over a batch; its results are closed after the timing.
function timePluginBatch(kernel) {
	n = batchSize();
	results = newArray(n);
	start = getTime();
	for (i = 0; i < n; i++) {
		selectImage("noise");
		run("Convolve (n-D)...", "image=noise kernel=[" + kernel + "] boundary=replicate");
		results[i] = getImageID();
	}
	elapsed = getTime() - start;
	for (i = 0; i < n; i++) {
		selectImage(results[i]);
		if (getTitle() == "noise")
			exit("Convolve (n-D)... made no result; see the Log window.");
		close();
	}
	return elapsed / n;
}

function warmUp(kernel) {
	for (w = 0; w < 2; w++)
		timeBuiltIn(kernel);
	start = getTime();
	for (w = 0; w < 10 || getTime() - start < 3000; w++)
		timePlugin(kernel);
}

function timeBuiltIn(kernel) {
	selectImage("noise");
	run("Duplicate...", "title=copy");
	start = getTime();
	run("Convolve...", "text1=[" + kernel + "]");
	elapsed = getTime() - start;
	close("copy");
	return elapsed;
}

function timePlugin(kernel) {
	selectImage("noise");
	start = getTime();
	run("Convolve (n-D)...", "image=noise kernel=[" + kernel + "] boundary=replicate");
	elapsed = getTime() - start;
	if (getTitle() == "noise")
		exit("Convolve (n-D)... made no result; see the Log window.");
	close();
	return elapsed;
}

function randomKernel(size) {
	text = "";
	for (y = 0; y < size; y++) {
		row = "";
		for (x = 0; x < size; x++)
			row = row + d2s(random() - 0.3, 4) + " ";
		text = text + row + "\n";
	}
	return text;
}

function median(values) {
	sorted = Array.copy(values);
	Array.sort(sorted);
	return sorted[floor(sorted.length / 2)];
}
