package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.VirtualStack;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.OutputSize;

public class VirtualStackTest
{
	@Test
	public void virtualStackIsReadAndItsFilesAreLeftAlone( @TempDir final Path dir )
			throws Exception
	{
		final ImagePlus source = Pixels.random( "planes", 16, 10, 8, 1, 4, 1, 31 );
		final VirtualStack stack = new VirtualStack( 10, 8, null, dir + File.separator );
		for ( int z = 1; z <= 4; z++ )
		{
			final String name = "plane" + z + ".tif";
			IJ.saveAsTiff( new ImagePlus( name, source.getStack().getProcessor( z ) ),
					dir.resolve( name ).toString() );
			stack.addSlice( name );
		}
		final byte[] before = Files.readAllBytes( dir.resolve( "plane2.tif" ) );
		final long modified = Files.getLastModifiedTime( dir.resolve( "plane2.tif" ) ).toMillis();
		final ImagePlus virtual = new ImagePlus( "virtual", stack );
		final Kernel kernel = Kernel.of( new double[] { 1, -1, 2, 0.5, 0, 3, 1, 1 }, 2, 2, 2 );
		final ImagePlus result = ImagePlusFilter.apply( virtual,
				LinearFilter.convolve( kernel ).boundary( Boundary.MIRROR ), false, null );
		Pixels.assertClose( Pixels.expected( Pixels.channel( source, 1 ), Pixels.dims( source ),
				kernel, Boundary.MIRROR, 0, true, OutputSize.SAME ).values,
				Pixels.channel( result, 1 ), 4096 * 10 );
		assertArrayEquals( before,
				Files.readAllBytes( dir.resolve( "plane2.tif" ) ) );
		assertEquals( modified, Files.getLastModifiedTime(
				dir.resolve( "plane2.tif" ) ).toMillis() );
	}
}
