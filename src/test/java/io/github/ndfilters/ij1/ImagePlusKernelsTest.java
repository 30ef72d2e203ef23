package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import io.github.ndfilters.core.Kernel;

public class ImagePlusKernelsTest
{
	@Test
	public void planeGivesTwoDimensionalKernel()
	{
		final ImagePlus image = new ImagePlus( "k", new FloatProcessor( 3, 2, new float[] { 1, 2,
				3, 4, 5, 6 } ) );
		final Kernel k = ImagePlusKernels.fromImage( image );
		assertArrayEquals( new int[] { 3, 2 }, k.dimensions() );
		assertArrayEquals( new int[] { 1, 1 }, k.centre() );
		assertArrayEquals( new double[] { 1, 2, 3, 4, 5, 6 }, k.weights() );
	}

	@Test
	public void stackWithFramesGivesFourDimensionalKernel()
	{
		final ImageStack stack = new ImageStack( 2, 1 );
		for ( int s = 0; s < 6; s++ )
			stack.addSlice( new FloatProcessor( 2, 1, new float[] { 2 * s, 2 * s + 1 } ) );
		final ImagePlus image = new ImagePlus( "k4", stack );
		image.setDimensions( 1, 3, 2 );
		final Kernel k = ImagePlusKernels.fromImage( image );
		assertArrayEquals( new int[] { 2, 1, 3, 2 }, k.dimensions() );
		assertArrayEquals( new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, k.weights() );
	}

	@Test
	public void multiChannelAndRgbKernelsAreRefused()
	{
		final ImagePlus channels = Pixels.random( "two", 8, 3, 3, 2, 1, 1, 1 );
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				() -> ImagePlusKernels.fromImage( channels ) );
		assertTrue( e.getMessage().contains( "2 channels" ), e.getMessage() );
		final ImagePlus rgb = Pixels.random( "rgb", 24, 3, 3, 1, 1, 1, 1 );
		assertThrows( IllegalArgumentException.class, () -> ImagePlusKernels.fromImage( rgb ) );
	}

	@Test
	public void nanWeightIsRefusedNamingTheImage()
	{
		final ImagePlus image = new ImagePlus( "bad", new FloatProcessor( 2, 1, new float[] { 1,
				Float.NaN } ) );
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				() -> ImagePlusKernels.fromImage( image ) );
		assertTrue( e.getMessage().contains( "'bad'" ), e.getMessage() );
	}

	@Test
	public void centerMovesTheKernelOrigin()
	{
		final Kernel box = Kernel.of( new double[] { 1, 1, 1, 1, 1, 1, 1, 1 }, 2, 2, 2 );
		assertArrayEquals( new int[] { 0, 0, 1 }, KernelCenter.apply( box, "0,0" ).centre() );
		assertArrayEquals( new int[] { 1, 0, 0 }, KernelCenter.apply( box, " 1 0 0 " ).centre() );
		assertArrayEquals( new int[] { 1, 1, 1 }, KernelCenter.apply( box, "" ).centre() );
		assertArrayEquals( new int[] { 0, 1, 1, 0 }, KernelCenter.apply( box, "0,1,1,0" )
				.centre() );
	}

	@Test
	public void badCenterSaysWhatIsWrong()
	{
		final Kernel k = Kernel.of( new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2 );
		final String outside = assertThrows( IllegalArgumentException.class,
				() -> KernelCenter.apply( k, "1,2" ) ).getMessage();
		assertTrue( outside.contains( "y = 2" ) && outside.contains( "0 to 1" ), outside );
		final String word = assertThrows( IllegalArgumentException.class,
				() -> KernelCenter.apply( k, "1,a" ) ).getMessage();
		assertTrue( word.contains( "'a'" ), word );
		final String beyond = assertThrows( IllegalArgumentException.class,
				() -> KernelCenter.apply( k, "1,1,1" ) ).getMessage();
		assertTrue( beyond.contains( "z = 1" ), beyond );
	}
}
