// End-to-end run of the three commands in a plain ImageJ 1.x, batch mode.
// Argument: "<folder with the test images>|<folder for the results>".
// Every result is saved as TIFF; the Java test checks the numbers.
args = split(getArgument(), "|");
images = args[0];
out = args[1];
setBatchMode(true);

function keep(name) {
	saveAs("Tiff", out + name);
	close();
}

// 2-D, 8-bit: kernel text, an even asymmetric kernel, mirror edges.
open(images + "coins_u8.tif");
run("Correlate (n-D)...", "image=coins_u8.tif kernel=[1 2 3\n4 5 6] boundary=mirror");
keep("coins_correlate.tif");
run("Convolve (n-D)...", "image=coins_u8.tif kernel=[1 2 3\n4 5 6] boundary=mirror");
keep("coins_convolve.tif");

// A kernel given as an image (an asymmetric 3x3 plane).
newImage("psf", "32-bit black", 3, 3, 1);
w = newArray(0, 1, 0.5, 2, 4, 1, 0, 0.25, 1);
for (i = 0; i < 9; i++) setPixel(i % 3, floor(i / 3), w[i]);
run("Convolve (n-D)...", "image=coins_u8.tif kernel=psf boundary=zero");
keep("coins_convolve_psf.tif");

// Compare: Gaussian (point-symmetric), Sobel x (antisymmetric), 2x2 box (even).
run("Compare Correlation and Convolution...", "image=coins_u8.tif kernel=[1 4 6 4 1\n4 16 24 16 4\n6 24 36 24 6\n4 16 24 16 4\n1 4 6 4 1] normalize");
keep("coins_compare_gaussian.tif");
print("gaussian: max=" + getResult("Max abs difference", nResults - 1) + " differing=" + getResult("Differing pixels", nResults - 1));
run("Compare Correlation and Convolution...", "image=coins_u8.tif kernel=sobel-x");
keep("coins_compare_sobel.tif");
run("Correlate (n-D)...", "image=coins_u8.tif kernel=sobel-x");
keep("coins_correlate_sobel.tif");
run("Compare Correlation and Convolution...", "image=coins_u8.tif kernel=[1 1\n1 1]");
keep("coins_compare_box.tif");
print("box: max=" + getResult("Max abs difference", nResults - 1) + " differing=" + getResult("Differing pixels", nResults - 1));
close("coins_u8.tif");

// 3-D, 16-bit stack with a 3-D kernel image, result kept 16-bit.
open(images + "mri_s0_u16.tif");
newImage("psf3d", "32-bit black", 3, 3, 3);
for (z = 1; z <= 3; z++) {
	setSlice(z);
	for (y = 0; y < 3; y++) for (x = 0; x < 3; x++) setPixel(x, y, (x + 1) * (y + 2) * z / 60);
}
run("Convolve (n-D)...", "image=mri_s0_u16.tif kernel=psf3d boundary=symmetric type=input");
keep("mri_convolve_psf3d.tif");
close("psf3d");
close("mri_s0_u16.tif");

// 3 channels: each filtered on its own.
open(images + "ihc_rgb_u8.tif");
run("Correlate (n-D)...", "image=ihc_rgb_u8.tif kernel=[-1 0 2] boundary=replicate");
keep("ihc_correlate.tif");
close("ihc_rgb_u8.tif");

// 4-D: a 2x2x2x2 kernel image (x, y, z, t), full output.
open(images + "fmri_4d_u16.tif");
newImage("k4", "32-bit black", 2, 2, 1, 2, 2);
v = 1;
for (t = 1; t <= 2; t++) for (z = 1; z <= 2; z++) {
	Stack.setPosition(1, z, t);
	for (y = 0; y < 2; y++) for (x = 0; x < 2; x++) { setPixel(x, y, v); v = v + 1; }
}
run("Convolve (n-D)...", "image=fmri_4d_u16.tif kernel=k4 boundary=periodic output=full");
keep("fmri_convolve_k4.tif");
close("k4");

// A malformed kernel: the message goes to the log and the macro goes on.
run("Convolve (n-D)...", "image=fmri_4d_u16.tif kernel=[1 2 3\n4 5]");
print("after the bad kernel, the current image is " + getTitle());
print("END OF MACRO");
