// Demo of the three commands on a real image, in batch mode.
// Argument: "<image file>|<folder for the results>". Each result is saved as
// a TIFF (the numbers) and a PNG preview (as displayed).
args = split(getArgument(), "|");
out = args[1];
setBatchMode(true);
open(args[0]);
input = getTitle();
saveAs("PNG", out + "00_input.png");
rename(input);

function keep(name) {
	saveAs("Tiff", out + name + ".tif");
	saveAs("PNG", out + name + ".png");
	close();
}

sobel = "kernel=[-1 0 1\n-2 0 2\n-1 0 1]";
run("Correlate (n-D)...", "image=" + input + " " + sobel);
keep("01_correlate_sobel_x");
run("Convolve (n-D)...", "image=" + input + " " + sobel);
keep("02_convolve_sobel_x");
run("Compare Correlation and Convolution...", "image=" + input + " " + sobel);
keep("03_compare_sobel_x");

gauss = "kernel=[1 4 6 4 1\n4 16 24 16 4\n6 24 36 24 6\n4 16 24 16 4\n1 4 6 4 1] normalize";
run("Convolve (n-D)...", "image=" + input + " " + gauss);
keep("04_convolve_gaussian_5x5");
run("Compare Correlation and Convolution...", "image=" + input + " " + gauss);
keep("05_compare_gaussian_5x5");

run("Compare Correlation and Convolution...", "image=" + input + " kernel=[1 1\n1 1] normalize");
keep("06_compare_box_2x2");

// A motion-blur kernel given as an image, kept 8-bit.
newImage("motion", "32-bit black", 9, 9, 1);
for (i = 0; i < 9; i++) setPixel(i, i, 1);
run("Convolve (n-D)...", "image=" + input + " kernel=motion normalize type=input");
keep("07_convolve_motion_image_kernel");

saveAs("Results", out + "compare_results.csv");
print("Demo results written to " + out);
